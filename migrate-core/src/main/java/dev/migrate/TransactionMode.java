package dev.migrate;

/** How a run groups revisions into transactions. */
public enum TransactionMode {

	/** One transaction per revision: a failure rolls back that revision only. */
	PER_REVISION,

	/**
	 * One transaction for the whole run, where the database's DDL is transactional: a
	 * failure rolls back every revision of the run.
	 */
	ALL

}
