package dev.migrate;

/** How a run keeps other instances from migrating the same database at the same time. */
public enum LockMode {

	/**
	 * The database's own session lock held on the migration connection: PostgreSQL advisory
	 * locks, MariaDB/MySQL {@code GET_LOCK}; a lock row on databases without one (H2).
	 * Released by the database when the session ends, so a crashed process leaves nothing.
	 */
	ADVISORY,

	/**
	 * A lease row in a lock table with an owner and an expiry, for connections behind
	 * transaction-pooling proxies where session locks do not hold.
	 */
	TABLE

}
