package dev.migrate.ops;

/**
 * Adds a column to a table: Alembic's {@code op.add_column}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 * @param column the new column
 */
public record AddColumn(String schema, String table, Column column) implements Operation {

	public AddColumn {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.notNull(column, "column");
	}

	@Override
	public String toString() {
		return Describer.of("AddColumn")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("column", this.column)
			.toString();
	}

}
