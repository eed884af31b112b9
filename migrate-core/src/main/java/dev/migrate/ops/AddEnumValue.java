package dev.migrate.ops;

/**
 * Adds a value to a PostgreSQL enumerated type ({@code ALTER TYPE ... ADD VALUE}).
 * <p>
 * PostgreSQL before 12 refuses this statement inside a transaction block, so there the
 * revision must be non-transactional. From 12 on it runs in a transaction, but the new
 * value cannot be used until that transaction commits: use it in a later revision (each
 * revision commits on its own unless the run is one transaction), or declare this revision
 * {@code @Revision(transactional = false)}. PostgreSQL cannot remove an enum value: a
 * downgrade recreates the type without it.
 *
 * @param schema the type's schema, or {@code null} for the default
 * @param name the type's name
 * @param value the new value
 * @param before the existing value it sorts before, or {@code null}
 * @param after the existing value it sorts after, or {@code null}; at most one of
 * {@code before} and {@code after}, and the value goes last when neither is set
 * @param ifNotExists whether to do nothing when the type has the value already
 */
public record AddEnumValue(String schema, String name, String value, String before, String after,
		boolean ifNotExists) implements Operation {

	public AddEnumValue {
		Require.optionalName(schema, "schema");
		Require.name(name, "enum type name");
		Require.notNull(value, "new value of enum type " + name);
		if (before != null && after != null) {
			throw new IllegalArgumentException(
					"The new value '" + value + "' of enum type " + name + " goes before or after another, not both");
		}
	}

	@Override
	public String toString() {
		return Describer.of("AddEnumValue")
			.add("schema", this.schema)
			.always("name", this.name)
			.value("value", this.value)
			.value("before", this.before)
			.value("after", this.after)
			.add("ifNotExists", this.ifNotExists)
			.toString();
	}

	/** Sets where the new value goes; each method returns the builder. */
	public static final class Builder {

		private String before;

		private String after;

		private boolean ifNotExists;

		Builder() {
		}

		/**
		 * Places the new value before an existing one.
		 * @param value the existing value
		 */
		public Builder before(String value) {
			this.before = value;
			return this;
		}

		/**
		 * Places the new value after an existing one.
		 * @param value the existing value
		 */
		public Builder after(String value) {
			this.after = value;
			return this;
		}

		/** Does nothing when the type has the value already ({@code IF NOT EXISTS}). */
		public Builder ifNotExists() {
			this.ifNotExists = true;
			return this;
		}

		AddEnumValue build(String schema, String name, String value) {
			return new AddEnumValue(schema, name, value, this.before, this.after, this.ifNotExists);
		}

	}

}
