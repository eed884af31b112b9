package dev.migrate.ops;

import java.util.List;
import java.util.function.Consumer;

/**
 * A foreign key: SQLAlchemy's {@code sa.ForeignKeyConstraint(...)}.
 *
 * @param name the constraint's name, or {@code null} to let the database name it
 * @param columns the referencing columns, in order
 * @param referentSchema the referenced table's schema, or {@code null} for the default
 * @param referentTable the referenced table
 * @param referentColumns the referenced columns, as many as {@code columns}
 * @param onDelete what a delete of the referenced row does, or {@code null} for the
 * database's default ({@code NO ACTION})
 * @param onUpdate what an update of the referenced key does, or {@code null} for the default
 * @param deferrable whether the check can be deferred to commit (PostgreSQL)
 * @param initiallyDeferred whether the check is deferred to commit unless set otherwise
 * (PostgreSQL)
 */
public record ForeignKeyConstraint(String name, List<String> columns, String referentSchema, String referentTable,
		List<String> referentColumns, ReferentialAction onDelete, ReferentialAction onUpdate, boolean deferrable,
		boolean initiallyDeferred) implements Constraint {

	public ForeignKeyConstraint {
		Require.optionalName(name, "foreign key name");
		columns = Require.names(columns, "foreign key columns");
		Require.optionalName(referentSchema, "referenced schema");
		Require.name(referentTable, "referenced table");
		referentColumns = Require.names(referentColumns, "referenced columns");
		if (columns.size() != referentColumns.size()) {
			throw new IllegalArgumentException("Foreign key " + columns + " -> " + referentTable + referentColumns
					+ " must reference as many columns as it has");
		}
		if (initiallyDeferred && !deferrable) {
			throw new IllegalArgumentException("Foreign key " + columns + " -> " + referentTable
					+ " cannot be initially deferred without being deferrable");
		}
	}

	/**
	 * A foreign key.
	 * @param columns the referencing columns
	 * @param referentTable the referenced table
	 * @param referentColumns the referenced columns
	 * @param options sets the name, actions and deferral
	 */
	public static ForeignKeyConstraint of(List<String> columns, String referentTable, List<String> referentColumns,
			Consumer<Builder> options) {
		Builder builder = new Builder();
		options.accept(builder);
		return new ForeignKeyConstraint(builder.name, columns, builder.referentSchema, referentTable, referentColumns,
				builder.onDelete, builder.onUpdate, builder.deferrable, builder.initiallyDeferred);
	}

	@Override
	public ConstraintType type() {
		return ConstraintType.FOREIGN_KEY;
	}

	@Override
	public String toString() {
		return Describer.of("ForeignKey")
			.add("name", this.name)
			.always("columns", this.columns)
			.always("references",
					((this.referentSchema != null) ? this.referentSchema + "." : "") + this.referentTable
							+ this.referentColumns)
			.add("onDelete", this.onDelete)
			.add("onUpdate", this.onUpdate)
			.add("deferrable", this.deferrable)
			.add("initiallyDeferred", this.initiallyDeferred)
			.toString();
	}

	/** Sets a foreign key's options; each method returns the builder. */
	public static final class Builder {

		private String name;

		private String referentSchema;

		private ReferentialAction onDelete;

		private ReferentialAction onUpdate;

		private boolean deferrable;

		private boolean initiallyDeferred;

		Builder() {
		}

		/**
		 * Names the constraint, so that a later revision can drop it by name.
		 * @param name the name
		 */
		public Builder name(String name) {
			this.name = name;
			return this;
		}

		/**
		 * The referenced table's schema, when it is not the default one.
		 * @param schema the schema
		 */
		public Builder referentSchema(String schema) {
			this.referentSchema = schema;
			return this;
		}

		/**
		 * What deleting a referenced row does: SQLAlchemy's {@code ondelete}.
		 * @param action the action
		 */
		public Builder onDelete(ReferentialAction action) {
			this.onDelete = action;
			return this;
		}

		/**
		 * What updating a referenced key does: SQLAlchemy's {@code onupdate}.
		 * @param action the action
		 */
		public Builder onUpdate(ReferentialAction action) {
			this.onUpdate = action;
			return this;
		}

		/** Makes the check deferrable to commit ({@code DEFERRABLE}); PostgreSQL only. */
		public Builder deferrable() {
			this.deferrable = true;
			return this;
		}

		/**
		 * Defers the check to commit unless a transaction says otherwise
		 * ({@code DEFERRABLE INITIALLY DEFERRED}); PostgreSQL only.
		 */
		public Builder initiallyDeferred() {
			this.deferrable = true;
			this.initiallyDeferred = true;
			return this;
		}

	}

}
