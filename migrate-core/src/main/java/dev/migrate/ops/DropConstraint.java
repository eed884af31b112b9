package dev.migrate.ops;

/**
 * Drops a named constraint: Alembic's {@code op.drop_constraint}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 * @param name the constraint's name
 * @param type the kind of constraint, or {@code null} when not given; MariaDB needs it
 */
public record DropConstraint(String schema, String table, String name, ConstraintType type) implements Operation {

	public DropConstraint {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.name(name, "constraint name");
	}

	@Override
	public String toString() {
		return Describer.of("DropConstraint")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("name", this.name)
			.add("type", this.type)
			.toString();
	}

}
