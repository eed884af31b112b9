package dev.migrate.ops;

/**
 * Changes a column: Alembic's {@code op.alter_column}. Each change is optional; unset
 * fields are {@code null} (or {@code false}) and leave that aspect alone. Built by
 * {@link Operations#alterColumn(String, String, java.util.function.Consumer)}.
 * <p>
 * The {@code existing...} fields describe the column as it is. PostgreSQL and H2 never
 * need them. MariaDB does: it changes a column's type, nullability or comment by
 * restating the whole definition, so the parts not being changed must be known (as with
 * Alembic on MySQL).
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 * @param column the column's current name
 * @param type the new type, or {@code null} to keep it
 * @param using how PostgreSQL computes the new values from the old ({@code USING}), or {@code null}
 * @param nullable whether the column accepts {@code NULL} from now on, or {@code null} to keep it
 * @param serverDefault the new server default (a literal or an {@link Expression}), or {@code null}
 * @param dropServerDefault whether to remove the server default
 * @param newName the new name, or {@code null} to keep it
 * @param comment the new comment, or {@code null}
 * @param dropComment whether to remove the comment
 * @param existingType the current type, when known
 * @param existingNullable whether the column accepts {@code NULL} now, when known
 * @param existingServerDefault the current server default, when known
 * @param existingComment the current comment, when known
 */
public record AlterColumn(String schema, String table, String column, Type type, String using, Boolean nullable,
		Object serverDefault, boolean dropServerDefault, String newName, String comment, boolean dropComment,
		Type existingType, Boolean existingNullable, Object existingServerDefault, String existingComment)
		implements Operation {

	public AlterColumn {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.name(column, "column name");
		String target = "alterColumn(" + table + "." + column + ")";
		serverDefault = Values.literal(serverDefault, "server default of " + target);
		existingServerDefault = Values.literal(existingServerDefault, "existing server default of " + target);
		Require.optionalName(newName, "new name of " + target);
		if (using != null && type == null) {
			throw new IllegalArgumentException(target + " has a USING expression but no new type: set type(...) too");
		}
		if (serverDefault != null && dropServerDefault) {
			throw new IllegalArgumentException(target + " both sets and drops the server default: keep one");
		}
		if (comment != null && dropComment) {
			throw new IllegalArgumentException(target + " both sets and drops the comment: keep one");
		}
		if (type == null && nullable == null && serverDefault == null && !dropServerDefault && newName == null
				&& comment == null && !dropComment) {
			throw new IllegalArgumentException(target
					+ " changes nothing: set a type, nullability, server default, new name or comment");
		}
	}

	/** Whether the server default is set or dropped. */
	public boolean changesServerDefault() {
		return this.serverDefault != null || this.dropServerDefault;
	}

	/** Whether the comment is set or dropped. */
	public boolean changesComment() {
		return this.comment != null || this.dropComment;
	}

	/** The column's name once altered. */
	public String resultingName() {
		return (this.newName != null) ? this.newName : this.column;
	}

	@Override
	public String toString() {
		return Describer.of("AlterColumn")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("column", this.column)
			.add("type", this.type)
			.add("using", this.using)
			.add("nullable", (this.nullable != null) ? String.valueOf(this.nullable) : null)
			.value("serverDefault", this.serverDefault)
			.add("dropServerDefault", this.dropServerDefault)
			.add("newName", this.newName)
			.value("comment", this.comment)
			.add("dropComment", this.dropComment)
			.add("existingType", this.existingType)
			.add("existingNullable", (this.existingNullable != null) ? String.valueOf(this.existingNullable) : null)
			.value("existingServerDefault", this.existingServerDefault)
			.value("existingComment", this.existingComment)
			.toString();
	}

	/**
	 * Sets what an {@link AlterColumn} changes; each method returns the builder.
	 *
	 * <pre>{@code
	 * op.alterColumn("users", "role", c -> c.notNull().defaultValue("viewer"));
	 * op.alterColumn("orders", "total", c -> c.type(Type.numeric(12, 2)).using("total::numeric(12, 2)"));
	 * }</pre>
	 */
	public static final class Builder {

		private final String schema;

		private final String table;

		private final String column;

		private Type type;

		private String using;

		private Boolean nullable;

		private Object serverDefault;

		private boolean dropServerDefault;

		private String newName;

		private String comment;

		private boolean dropComment;

		private Type existingType;

		private Boolean existingNullable;

		private Object existingServerDefault;

		private String existingComment;

		Builder(String schema, String table, String column) {
			this.schema = schema;
			this.table = table;
			this.column = column;
		}

		/**
		 * Changes the type: Alembic's {@code type_}.
		 * @param type the new type
		 */
		public Builder type(Type type) {
			this.type = type;
			return this;
		}

		/**
		 * How PostgreSQL converts the values to the new type, Alembic's {@code postgresql_using}:
		 * {@code using("price::numeric(10, 2)")}. Other databases refuse it.
		 * @param expression the conversion, as SQL over the column's old value
		 */
		public Builder using(String expression) {
			this.using = expression;
			return this;
		}

		/**
		 * Whether the column accepts {@code NULL} from now on: Alembic's {@code nullable}.
		 * @param nullable whether it accepts {@code NULL}
		 */
		public Builder nullable(boolean nullable) {
			this.nullable = nullable;
			return this;
		}

		/** Refuses {@code NULL} from now on: {@code nullable(false)}. */
		public Builder notNull() {
			return nullable(false);
		}

		/**
		 * Sets the server default: a literal rendered escaped, or an {@link Expression}
		 * rendered as written. Alembic's {@code server_default}.
		 * @param value the default
		 */
		public Builder defaultValue(Object value) {
			this.serverDefault = value;
			return this;
		}

		/**
		 * Sets the server default to an SQL expression: {@code defaultExpression("now()")}.
		 * @param sql the expression
		 */
		public Builder defaultExpression(String sql) {
			return defaultValue(Expression.sql(sql));
		}

		/** Removes the server default: Alembic's {@code server_default=None}. */
		public Builder dropDefault() {
			this.dropServerDefault = true;
			return this;
		}

		/**
		 * Renames the column: Alembic's {@code new_column_name}. The rename is done last.
		 * @param newName the new name
		 */
		public Builder rename(String newName) {
			this.newName = newName;
			return this;
		}

		/**
		 * Sets the column's comment.
		 * @param comment the comment
		 */
		public Builder comment(String comment) {
			this.comment = comment;
			return this;
		}

		/** Removes the column's comment. */
		public Builder dropComment() {
			this.dropComment = true;
			return this;
		}

		/**
		 * The column's current type: Alembic's {@code existing_type}, which MariaDB needs.
		 * @param type the current type
		 */
		public Builder existingType(Type type) {
			this.existingType = type;
			return this;
		}

		/**
		 * Whether the column accepts {@code NULL} now: Alembic's {@code existing_nullable}, which
		 * MariaDB needs.
		 * @param nullable whether it does
		 */
		public Builder existingNullable(boolean nullable) {
			this.existingNullable = nullable;
			return this;
		}

		/**
		 * The current server default, kept on MariaDB when the definition is restated:
		 * Alembic's {@code existing_server_default}.
		 * @param value the current default, a literal or an {@link Expression}
		 */
		public Builder existingDefaultValue(Object value) {
			this.existingServerDefault = value;
			return this;
		}

		/**
		 * The current comment, kept on MariaDB when the definition is restated: Alembic's
		 * {@code existing_comment}.
		 * @param comment the current comment
		 */
		public Builder existingComment(String comment) {
			this.existingComment = comment;
			return this;
		}

		AlterColumn build() {
			return new AlterColumn(this.schema, this.table, this.column, this.type, this.using, this.nullable,
					this.serverDefault, this.dropServerDefault, this.newName, this.comment, this.dropComment,
					this.existingType, this.existingNullable, this.existingServerDefault, this.existingComment);
		}

	}

}
