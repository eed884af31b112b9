package dev.migrate.version;

import java.util.Objects;

import dev.migrate.dialect.Dialect;

/**
 * Where migrate keeps its state in one database: the version table (the heads, as Alembic's
 * {@code alembic_version}), the history table, the lock table of table leases, and the table
 * of revision fingerprints, all in one schema.
 *
 * @param schema the schema, or {@code null} for the connection's default schema
 * @param table the version table's name
 * @param historyTable the history table's name
 */
public record VersionTables(String schema, String table, String historyTable) {

	public VersionTables {
		Objects.requireNonNull(table, "table");
		Objects.requireNonNull(historyTable, "historyTable");
		schema = (schema == null || schema.isBlank()) ? null : schema.strip();
	}

	/** The lock table of {@code LockMode.TABLE}: the version table's name with {@code _lock}. */
	public String lockTable() {
		return this.table + "_lock";
	}

	/**
	 * The table of fingerprints of revision sets and the heads a run brought the database to
	 * with each: the version table's name with {@code _fingerprint}.
	 */
	public String fingerprintTable() {
		return this.table + "_fingerprint";
	}

	/** A table of this schema as SQL, quoted where it must be. */
	public String qualified(Dialect dialect, String name) {
		return (this.schema != null) ? dialect.quote(this.schema) + "." + dialect.quote(name) : dialect.quote(name);
	}

	/** The version table, schema-qualified when a schema is set. */
	@Override
	public String toString() {
		return (this.schema != null) ? this.schema + "." + this.table : this.table;
	}

}
