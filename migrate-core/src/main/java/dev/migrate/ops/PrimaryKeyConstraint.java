package dev.migrate.ops;

import java.util.Arrays;
import java.util.List;

/**
 * A primary key over one or more columns.
 *
 * @param name the constraint's name, or {@code null} to let the database name it
 * @param columns the key's columns, in order
 */
public record PrimaryKeyConstraint(String name, List<String> columns) implements Constraint {

	public PrimaryKeyConstraint {
		Require.optionalName(name, "primary key name");
		columns = Require.names(columns, "primary key " + ((name != null) ? name : ""));
	}

	/**
	 * A primary key.
	 * @param name its name, or {@code null}
	 * @param columns its columns
	 */
	public static PrimaryKeyConstraint of(String name, String... columns) {
		return new PrimaryKeyConstraint(name, Arrays.asList(columns));
	}

	@Override
	public ConstraintType type() {
		return ConstraintType.PRIMARY_KEY;
	}

	@Override
	public String toString() {
		return Describer.of("PrimaryKey").add("name", this.name).always("columns", this.columns).toString();
	}

}
