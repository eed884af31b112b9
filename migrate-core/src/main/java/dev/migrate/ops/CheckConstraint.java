package dev.migrate.ops;

/**
 * A check constraint.
 *
 * @param name the constraint's name, or {@code null} to let the database name it
 * @param condition the condition every row must meet, as SQL: {@code price >= 0}
 */
public record CheckConstraint(String name, String condition) implements Constraint {

	public CheckConstraint {
		Require.optionalName(name, "check constraint name");
		Require.text(condition, "check condition");
	}

	/**
	 * A check constraint.
	 * @param name its name, or {@code null}
	 * @param condition the condition, as SQL
	 */
	public static CheckConstraint of(String name, String condition) {
		return new CheckConstraint(name, condition);
	}

	@Override
	public ConstraintType type() {
		return ConstraintType.CHECK;
	}

	@Override
	public String toString() {
		return Describer.of("Check").add("name", this.name).always("condition", this.condition).toString();
	}

}
