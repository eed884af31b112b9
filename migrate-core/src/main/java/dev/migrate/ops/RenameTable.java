package dev.migrate.ops;

/**
 * Renames a table: Alembic's {@code op.rename_table}.
 *
 * @param schema the table's schema, or {@code null} for the default; the table stays in it
 * @param name the table's current name
 * @param newName its new name
 */
public record RenameTable(String schema, String name, String newName) implements Operation {

	public RenameTable {
		Require.optionalName(schema, "schema");
		Require.name(name, "table name");
		Require.name(newName, "new table name");
	}

	@Override
	public String toString() {
		return Describer.of("RenameTable")
			.add("schema", this.schema)
			.always("name", this.name)
			.always("newName", this.newName)
			.toString();
	}

}
