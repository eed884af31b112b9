package dev.migrate.ops;

/**
 * Installs a PostgreSQL extension unless it is installed:
 * {@code CREATE EXTENSION IF NOT EXISTS "uuid-ossp"}.
 *
 * @param name the extension's name
 * @param schema the schema its objects go into, or {@code null} for the default
 */
public record CreateExtension(String name, String schema) implements Operation {

	public CreateExtension {
		Require.name(name, "extension name");
		Require.optionalName(schema, "schema");
	}

	@Override
	public String toString() {
		return Describer.of("CreateExtension").always("name", this.name).add("schema", this.schema).toString();
	}

}
