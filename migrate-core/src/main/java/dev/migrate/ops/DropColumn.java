package dev.migrate.ops;

/**
 * Drops a column: Alembic's {@code op.drop_column}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 * @param column the column's name
 */
public record DropColumn(String schema, String table, String column) implements Operation {

	public DropColumn {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.name(column, "column name");
	}

	@Override
	public String toString() {
		return Describer.of("DropColumn")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("column", this.column)
			.toString();
	}

}
