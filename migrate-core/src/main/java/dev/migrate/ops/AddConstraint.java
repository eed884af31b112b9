package dev.migrate.ops;

/**
 * Adds a constraint to an existing table: Alembic's {@code op.create_foreign_key},
 * {@code op.create_unique_constraint}, {@code op.create_check_constraint} and
 * {@code op.create_primary_key}.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 * @param constraint the constraint
 */
public record AddConstraint(String schema, String table, Constraint constraint) implements Operation {

	public AddConstraint {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.notNull(constraint, "constraint");
	}

	@Override
	public String toString() {
		return Describer.of("AddConstraint")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("constraint", this.constraint)
			.toString();
	}

}
