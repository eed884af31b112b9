package dev.migrate.ops;

/**
 * Drops an enumerated type on PostgreSQL ({@code DROP TYPE}); nothing on databases whose
 * enums live in the column. SQLAlchemy's {@code postgresql.ENUM(...).drop()}.
 *
 * @param schema the type's schema, or {@code null} for the default
 * @param name the type's name
 */
public record DropEnum(String schema, String name) implements Operation {

	public DropEnum {
		Require.optionalName(schema, "schema");
		Require.name(name, "enum type name");
	}

	@Override
	public String toString() {
		return Describer.of("DropEnum").add("schema", this.schema).always("name", this.name).toString();
	}

}
