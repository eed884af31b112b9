package dev.migrate.event;

/**
 * Told of what a run does, for metrics, tracing and logs: the run itself, the wait for the
 * migration lock, and each step. Every method has an empty default; implement what you need.
 *
 * <p>Methods are called on the migrating thread, in order, while the lock is held (except
 * {@link #runStarted} and the lock events); keep them quick. An exception thrown by a
 * listener is logged and otherwise ignored, so that metrics never break a migration.
 */
public interface MigrationListener {

	/** A write command (upgrade, downgrade, stamp) starts, before it takes the lock. */
	default void runStarted(RunStarted event) {
	}

	/** A write command ends, successfully or not, after it released the lock. */
	default void runFinished(RunFinished event) {
	}

	/** Another session holds the migration lock; this run starts waiting for it. */
	default void lockWaiting(LockWaiting event) {
	}

	/** The run holds the migration lock, after waiting {@link LockAcquired#waited()}. */
	default void lockAcquired(LockAcquired event) {
	}

	/** A step (one revision's upgrade or downgrade, or a stamp) starts. */
	default void stepStarted(StepStarted event) {
	}

	/** A step completed: its changes are in the database (committed, unless the run shares one transaction). */
	default void stepFinished(StepFinished event) {
	}

	/** A step failed and was rolled back where the database allows. */
	default void stepFailed(StepFailed event) {
	}

}
