package dev.migrate.ops;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creates a table: Alembic's {@code op.create_table}. Built by
 * {@link Operations#createTable(String, Consumer)}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param name the table's name
 * @param columns its columns, in order; at least one
 * @param constraints its table-level constraints, in order
 * @param comment the table's comment, or {@code null}
 * @param ifNotExists whether to do nothing when a table of that name exists
 */
public record CreateTable(String schema, String name, List<Column> columns, List<Constraint> constraints,
		String comment, boolean ifNotExists) implements Operation {

	public CreateTable {
		Require.optionalName(schema, "schema");
		Require.name(name, "table name");
		columns = List.copyOf(Require.notNull(columns, "columns of table " + name));
		constraints = List.copyOf(Require.notNull(constraints, "constraints of table " + name));
		if (columns.isEmpty()) {
			throw new IllegalArgumentException("Table " + name + " needs at least one column");
		}
		Set<String> names = new HashSet<>();
		for (Column column : columns) {
			if (!names.add(column.name())) {
				throw new IllegalArgumentException("Table " + name + " defines column " + column.name() + " twice");
			}
		}
		boolean columnKey = columns.stream().anyMatch(Column::primaryKey);
		long tableKeys = constraints.stream().filter(PrimaryKeyConstraint.class::isInstance).count();
		if (tableKeys > 1 || (tableKeys == 1 && columnKey)) {
			throw new IllegalArgumentException("Table " + name + " declares its primary key more than once: "
					+ "mark one column primaryKey() or add one primaryKey(...) over several");
		}
	}

	/** The table's primary key: the table-level one, else the columns marked {@code primaryKey()}, else none. */
	public List<String> primaryKeyColumns() {
		for (Constraint constraint : this.constraints) {
			if (constraint instanceof PrimaryKeyConstraint key) {
				return key.columns();
			}
		}
		return this.columns.stream().filter(Column::primaryKey).map(Column::name).toList();
	}

	@Override
	public String toString() {
		return Describer.of("CreateTable")
			.add("schema", this.schema)
			.always("name", this.name)
			.always("columns", this.columns)
			.add("constraints", this.constraints)
			.value("comment", this.comment)
			.add("ifNotExists", this.ifNotExists)
			.toString();
	}

	/**
	 * Defines a table's columns and constraints; each method returns the builder.
	 *
	 * <pre>{@code
	 * op.createTable("products", t -> t
	 *     .column("id", Type.uuid(), c -> c.primaryKey())
	 *     .column("sku", Type.string(50), c -> c.notNull())
	 *     .column("category_id", Type.uuid(), c -> c.notNull())
	 *     .foreignKey("category_id", "categories", "id")
	 *     .unique("sku"));
	 * }</pre>
	 */
	public static final class Builder {

		private final String schema;

		private final String name;

		private final List<Column> columns = new ArrayList<>();

		private final List<Constraint> constraints = new ArrayList<>();

		private String comment;

		private boolean ifNotExists;

		Builder(String schema, String name) {
			this.schema = schema;
			this.name = name;
		}

		/**
		 * Adds a nullable column without default.
		 * @param name the column's name
		 * @param type its type
		 */
		public Builder column(String name, Type type) {
			return column(Column.of(name, type));
		}

		/**
		 * Adds a column with options: {@code column("name", Type.string(200), c -> c.notNull())}.
		 * @param name the column's name
		 * @param type its type
		 * @param options sets nullability, default, key, comment
		 */
		public Builder column(String name, Type type, Consumer<Column.Builder> options) {
			return column(Column.of(name, type, options));
		}

		/**
		 * Adds a column defined elsewhere.
		 * @param column the column
		 */
		public Builder column(Column column) {
			this.columns.add(Require.notNull(column, "column"));
			return this;
		}

		/**
		 * Makes the given columns the primary key: SQLAlchemy's {@code sa.PrimaryKeyConstraint("id")}.
		 * Use {@link #constraint(Constraint)} with {@link PrimaryKeyConstraint#of} to name it.
		 * @param columns the key's columns
		 */
		public Builder primaryKey(String... columns) {
			return constraint(PrimaryKeyConstraint.of(null, columns));
		}

		/**
		 * Adds an unnamed unique constraint: SQLAlchemy's {@code sa.UniqueConstraint("sku")}.
		 * Use {@link #constraint(Constraint)} with {@link UniqueConstraint#of} to name it.
		 * @param columns its columns
		 */
		public Builder unique(String... columns) {
			return constraint(UniqueConstraint.of(null, columns));
		}

		/**
		 * Adds an unnamed check constraint.
		 * @param condition the condition, as SQL: {@code price >= 0}
		 */
		public Builder check(String condition) {
			return constraint(CheckConstraint.of(null, condition));
		}

		/**
		 * Adds an unnamed foreign key of one column.
		 * @param column the referencing column
		 * @param referentTable the referenced table
		 * @param referentColumn the referenced column
		 */
		public Builder foreignKey(String column, String referentTable, String referentColumn) {
			return foreignKey(List.of(column), referentTable, List.of(referentColumn), (fk) -> {
			});
		}

		/**
		 * Adds a foreign key with options: SQLAlchemy's
		 * {@code sa.ForeignKeyConstraint(["category_id"], ["categories.id"], ondelete="RESTRICT")} is
		 * {@code foreignKey(List.of("category_id"), "categories", List.of("id"), fk -> fk.onDelete(RESTRICT))}.
		 * @param columns the referencing columns
		 * @param referentTable the referenced table
		 * @param referentColumns the referenced columns
		 * @param options sets the name, actions and deferral
		 */
		public Builder foreignKey(List<String> columns, String referentTable, List<String> referentColumns,
				Consumer<ForeignKeyConstraint.Builder> options) {
			return constraint(ForeignKeyConstraint.of(columns, referentTable, referentColumns, options));
		}

		/**
		 * Adds a constraint, named or not: {@code constraint(UniqueConstraint.of("uq_products_sku", "sku"))}.
		 * @param constraint the constraint
		 */
		public Builder constraint(Constraint constraint) {
			this.constraints.add(Require.notNull(constraint, "constraint"));
			return this;
		}

		/**
		 * The table's comment.
		 * @param comment the comment
		 */
		public Builder comment(String comment) {
			this.comment = comment;
			return this;
		}

		/** Does nothing when a table of that name exists ({@code CREATE TABLE IF NOT EXISTS}). */
		public Builder ifNotExists() {
			this.ifNotExists = true;
			return this;
		}

		CreateTable build() {
			return new CreateTable(this.schema, this.name, this.columns, this.constraints, this.comment,
					this.ifNotExists);
		}

	}

}
