package dev.migrate.ops;

/**
 * Removes a PostgreSQL extension if it is installed: {@code DROP EXTENSION IF EXISTS "uuid-ossp"}.
 * Extensions are shared by the whole database, so downgrades usually leave them.
 *
 * @param name the extension's name
 */
public record DropExtension(String name) implements Operation {

	public DropExtension {
		Require.name(name, "extension name");
	}

	@Override
	public String toString() {
		return Describer.of("DropExtension").always("name", this.name).toString();
	}

}
