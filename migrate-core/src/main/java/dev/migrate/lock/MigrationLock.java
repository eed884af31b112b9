package dev.migrate.lock;

import java.time.Duration;

import dev.migrate.LockTimeoutException;
import dev.migrate.MigrateException;

/**
 * Keeps two runs from migrating one database at the same time. One run acquires the lock on
 * its migration connection, holds it while it reads the heads and runs its steps, and
 * releases it in {@code finally}. Created by {@link Locks}.
 *
 * <p>Internal to the engine; not an API for applications.
 */
public interface MigrationLock {

	/**
	 * Acquires the lock, polling with backoff while another session holds it.
	 * @param timeout how long to wait at most
	 * @param waiting called once when the lock is found held and the wait begins, or {@code null}
	 * @return how long the wait took
	 * @throws LockTimeoutException naming the holder when the lock stayed held for {@code timeout}
	 */
	Duration acquire(Duration timeout, Runnable waiting);

	/** Releases the lock; never throws (a failure is logged: the session's end frees the lock). */
	void release();

	/**
	 * Checks that the lock is still held, before each step.
	 * @throws MigrateException when the lock was lost (a table lease taken over)
	 */
	default void checkHeld() {
	}

	/** The lock, described for logs and events. */
	String description();

	/**
	 * Whether the version table existed when the lock was first tried, as the statement that
	 * tried it saw it; {@code false} also when the lock does not ask. A hint for reading the
	 * heads in one statement, not an answer: the table must still be read after the lock is
	 * held, since another run may have created it in between.
	 */
	default boolean versionTableSeen() {
		return false;
	}

}
