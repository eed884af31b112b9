package dev.migrate.ops;

import java.util.Arrays;
import java.util.List;

/**
 * A unique constraint over one or more columns.
 *
 * @param name the constraint's name, or {@code null} to let the database name it
 * @param columns its columns, in order
 */
public record UniqueConstraint(String name, List<String> columns) implements Constraint {

	public UniqueConstraint {
		Require.optionalName(name, "unique constraint name");
		columns = Require.names(columns, "unique constraint " + ((name != null) ? name : ""));
	}

	/**
	 * A unique constraint.
	 * @param name its name, or {@code null}
	 * @param columns its columns
	 */
	public static UniqueConstraint of(String name, String... columns) {
		return new UniqueConstraint(name, Arrays.asList(columns));
	}

	@Override
	public ConstraintType type() {
		return ConstraintType.UNIQUE;
	}

	@Override
	public String toString() {
		return Describer.of("Unique").add("name", this.name).always("columns", this.columns).toString();
	}

}
