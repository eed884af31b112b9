package dev.migrate.ops;

import java.util.List;

/**
 * Creates an enumerated type on PostgreSQL ({@code CREATE TYPE ... AS ENUM}); nothing on
 * databases whose enums live in the column. SQLAlchemy's {@code postgresql.ENUM(...).create()}.
 *
 * @param schema the type's schema, or {@code null} for the default
 * @param name the type's name
 * @param values its values, in order
 */
public record CreateEnum(String schema, String name, List<String> values) implements Operation {

	public CreateEnum {
		Require.optionalName(schema, "schema");
		Require.name(name, "enum type name");
		values = Type.enumType(name, Require.notNull(values, "values of enum type " + name).toArray(String[]::new))
			.values();
	}

	@Override
	public String toString() {
		return Describer.of("CreateEnum")
			.add("schema", this.schema)
			.always("name", this.name)
			.always("values", this.values)
			.toString();
	}

}
