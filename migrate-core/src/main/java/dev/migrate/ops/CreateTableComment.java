package dev.migrate.ops;

/**
 * Sets a table's comment: Alembic's {@code op.create_table_comment}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 * @param comment the comment
 */
public record CreateTableComment(String schema, String table, String comment) implements Operation {

	public CreateTableComment {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.notNull(comment, "comment of table " + table);
	}

	@Override
	public String toString() {
		return Describer.of("CreateTableComment")
			.add("schema", this.schema)
			.always("table", this.table)
			.value("comment", this.comment)
			.toString();
	}

}
