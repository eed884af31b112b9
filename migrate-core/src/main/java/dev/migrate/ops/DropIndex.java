package dev.migrate.ops;

/**
 * Drops an index: Alembic's {@code op.drop_index}.
 *
 * @param schema the index's schema, or {@code null} for the default
 * @param table the index's table (MariaDB names it in {@code DROP INDEX ... ON table})
 * @param name the index's name
 * @param concurrently whether to drop it without blocking the table; the revision must
 * then be non-transactional (PostgreSQL)
 * @param ifExists whether to do nothing when no index of that name exists
 */
public record DropIndex(String schema, String table, String name, boolean concurrently, boolean ifExists)
		implements Operation {

	public DropIndex {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.name(name, "index name");
	}

	@Override
	public String toString() {
		return Describer.of("DropIndex")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("name", this.name)
			.add("concurrently", this.concurrently)
			.add("ifExists", this.ifExists)
			.toString();
	}

	/** Sets how an index is dropped; each method returns the builder. */
	public static final class Builder {

		private boolean concurrently;

		private boolean ifExists;

		Builder() {
		}

		/**
		 * Drops the index without blocking the table ({@code DROP INDEX CONCURRENTLY}); the
		 * revision must be declared {@code @Revision(transactional = false)}.
		 */
		public Builder concurrently() {
			this.concurrently = true;
			return this;
		}

		/** Does nothing when no index of that name exists ({@code IF EXISTS}). */
		public Builder ifExists() {
			this.ifExists = true;
			return this;
		}

		DropIndex build(String schema, String table, String name) {
			return new DropIndex(schema, table, name, this.concurrently, this.ifExists);
		}

	}

}
