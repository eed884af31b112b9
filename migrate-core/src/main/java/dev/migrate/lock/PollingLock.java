package dev.migrate.lock;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.LockTimeoutException;
import dev.migrate.MigrateException;

/**
 * A lock taken by trying without blocking and polling with exponential backoff and jitter,
 * from 20 ms up to one second between tries, until a deadline.
 */
abstract class PollingLock implements MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(MigrationLock.class);

	static final long FIRST_DELAY_MILLIS = 20;

	static final long MAX_DELAY_MILLIS = 1000;

	/** Tries once; true when the lock is now held by this session. */
	abstract boolean tryAcquire() throws SQLException;

	/** Releases the lock held by this session. */
	abstract void unlock() throws SQLException;

	/** Who holds the lock, described, or {@code null} when the database cannot say. */
	abstract String holder() throws SQLException;

	/** What to do about a holder that does not let go, appended to the timeout message. */
	abstract String advice(String holder);

	/**
	 * Undoes what trying changed on the session, when acquiring ends without the lock (timed
	 * out, failed, interrupted); never throws.
	 */
	void abandon() {
	}

	@Override
	public Duration acquire(Duration timeout, Runnable waiting) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		long delay = FIRST_DELAY_MILLIS;
		boolean waited = false;
		boolean acquired = false;
		try {
			while (true) {
				if (tryAcquire()) {
					acquired = true;
					Duration took = Duration.ofNanos(System.nanoTime() - start);
					if (waited) {
						logger.info("Acquired the migration lock ({}) after waiting {} ms", description(),
								took.toMillis());
					}
					return took;
				}
				if (!waited) {
					waited = true;
					logger.info("Waiting up to {} for the migration lock ({}), held by {}", timeout, description(),
							describe(safeHolder()));
					if (waiting != null) {
						waiting.run();
					}
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					String holder = safeHolder();
					throw new LockTimeoutException("Timed out after " + timeout + " waiting for the migration lock ("
							+ description() + "), held by " + describe(holder) + ". " + advice(holder)
							+ "; or raise the lock timeout to wait longer", holder);
				}
				long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
				Thread.sleep(Math.max(1, Math.min(jittered, remaining / 1_000_000)));
				delay = Math.min(delay * 2, MAX_DELAY_MILLIS);
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not acquire the migration lock (" + description() + "): " + ex.getMessage()
					+ " [SQLState " + ex.getSQLState() + "]", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MigrateException("Interrupted while waiting for the migration lock (" + description() + ")", ex);
		}
		finally {
			if (!acquired) {
				abandon();
			}
		}
	}

	private String safeHolder() {
		try {
			return holder();
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Could not find who holds the migration lock", ex);
			return null;
		}
	}

	private static String describe(String holder) {
		return (holder != null) ? holder : "another session (the database cannot say which)";
	}

	@Override
	public void release() {
		try {
			unlock();
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not release the migration lock ({}); it is freed when the session ends: {}",
					description(), ex.getMessage());
		}
	}

	static String trim(String text, int length) {
		if (text == null) {
			return null;
		}
		String collapsed = text.strip().replaceAll("\\s+", " ");
		return (collapsed.length() <= length) ? collapsed : collapsed.substring(0, length - 3) + "...";
	}

}
