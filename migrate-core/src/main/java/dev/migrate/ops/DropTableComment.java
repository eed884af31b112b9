package dev.migrate.ops;

/**
 * Removes a table's comment: Alembic's {@code op.drop_table_comment}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 */
public record DropTableComment(String schema, String table) implements Operation {

	public DropTableComment {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
	}

	@Override
	public String toString() {
		return Describer.of("DropTableComment").add("schema", this.schema).always("table", this.table).toString();
	}

}
