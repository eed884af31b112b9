package dev.migrate.ops;

/**
 * Drops a table: Alembic's {@code op.drop_table}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param name the table's name
 * @param ifExists whether to do nothing when no table of that name exists
 */
public record DropTable(String schema, String name, boolean ifExists) implements Operation {

	public DropTable {
		Require.optionalName(schema, "schema");
		Require.name(name, "table name");
	}

	@Override
	public String toString() {
		return Describer.of("DropTable")
			.add("schema", this.schema)
			.always("name", this.name)
			.add("ifExists", this.ifExists)
			.toString();
	}

}
