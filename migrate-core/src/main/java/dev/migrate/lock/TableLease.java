package dev.migrate.lock;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;

/**
 * A lease row in a lock table: {@code (lock_name, owner, acquired_at, expires_at)}. A run
 * inserts its row (or takes over a row whose lease has expired), renews the lease on a
 * separate connection while it holds it, and deletes the row when done. A process that dies
 * stops renewing, and the next run takes the lease over once it expires. For databases
 * without a session lock (H2) and for connections behind transaction-pooling proxies, where
 * session locks do not hold.
 *
 * <p>Renewing starts before the run's first step ({@link #checkHeld()}), which first extends
 * the lease on the migration connection and so finds out whether it was lost meanwhile: a
 * run with nothing to do starts no thread.
 *
 * <p>Times are the migrating JVMs' clocks in UTC: keep the hosts' clocks in sync to well
 * within the lease duration.
 */
final class TableLease extends PollingLock {

	private static final Logger logger = LoggerFactory.getLogger(TableLease.class);

	static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

	private final Connection connection;

	private final DataSource dataSource;

	private final Dialect dialect;

	private final String table;

	private final String lockName;

	private final Duration lease;

	private final Clock clock;

	private final String owner;

	private final boolean versionTableSeen;

	private boolean held;

	private boolean confirmed;

	private volatile ScheduledExecutorService renewer;

	private volatile String lost;

	/**
	 * @param versionTableSeen whether the version table existed when the lock table was
	 * looked for (see {@link MigrationLock#versionTableSeen()})
	 */
	TableLease(Connection connection, DataSource dataSource, Dialect dialect, String table, String lockName,
			Duration lease, Clock clock, boolean versionTableSeen) {
		this.connection = connection;
		this.dataSource = dataSource;
		this.dialect = dialect;
		this.table = table;
		this.lockName = lockName;
		this.lease = lease;
		this.clock = clock;
		this.owner = newOwner();
		this.versionTableSeen = versionTableSeen;
	}

	@Override
	public boolean versionTableSeen() {
		return this.versionTableSeen;
	}

	private static String newOwner() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception ex) {
			host = "unknown-host";
		}
		byte[] token = new byte[4];
		ThreadLocalRandom.current().nextBytes(token);
		return host + " pid " + ProcessHandle.current().pid() + " #" + HexFormat.of().formatHex(token);
	}

	String owner() {
		return this.owner;
	}

	/** Creates the lock table unless it exists. */
	void createTable() throws SQLException {
		String timestamp = this.dialect.name().equals("mariadb") ? "DATETIME(3)" : "TIMESTAMP";
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (lock_name VARCHAR(255) NOT NULL, owner"
					+ " VARCHAR(255) NOT NULL, acquired_at " + timestamp + " NOT NULL, expires_at " + timestamp
					+ " NOT NULL, PRIMARY KEY (lock_name))");
		}
	}

	@Override
	boolean tryAcquire() throws SQLException {
		Instant now = this.clock.instant();
		try (PreparedStatement insert = this.connection.prepareStatement(
				"INSERT INTO " + this.table + " (lock_name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)")) {
			insert.setString(1, this.lockName);
			insert.setString(2, this.owner);
			insert.setObject(3, utc(now));
			insert.setObject(4, utc(now.plus(this.lease)));
			insert.executeUpdate();
			acquired();
			return true;
		}
		catch (SQLException ex) {
			if (ex.getSQLState() == null || !ex.getSQLState().startsWith("23")) {
				throw ex;
			}
		}
		Lease current = current();
		if (current == null || !current.expiresAt().isBefore(now)) {
			return false;
		}
		try (PreparedStatement update = this.connection.prepareStatement("UPDATE " + this.table
				+ " SET owner = ?, acquired_at = ?, expires_at = ? WHERE lock_name = ? AND owner = ? AND expires_at < ?")) {
			update.setString(1, this.owner);
			update.setObject(2, utc(now));
			update.setObject(3, utc(now.plus(this.lease)));
			update.setString(4, this.lockName);
			update.setString(5, current.owner());
			update.setObject(6, utc(now));
			if (update.executeUpdate() != 1) {
				return false;
			}
		}
		logger.warn("Took over the migration lock lease of '{}', which expired at {} without being renewed or released"
				+ " (its process probably died)", current.owner(), current.expiresAt());
		acquired();
		return true;
	}

	private Lease current() throws SQLException {
		try (PreparedStatement select = this.connection.prepareStatement(
				"SELECT owner, acquired_at, expires_at FROM " + this.table + " WHERE lock_name = ?")) {
			select.setString(1, this.lockName);
			try (ResultSet result = select.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				return new Lease(result.getString(1), instant(result.getObject(2, LocalDateTime.class)),
						instant(result.getObject(3, LocalDateTime.class)));
			}
		}
	}

	private void acquired() {
		this.lost = null;
		this.held = true;
		this.confirmed = false;
	}

	private void startRenewing() {
		if (this.dataSource == null) {
			return;
		}
		this.renewer = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "migrate-lease-renewal");
			thread.setDaemon(true);
			return thread;
		});
		long period = Math.max(1, this.lease.toMillis() / 4);
		this.renewer.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
	}

	/** Extends the lease on a connection of its own, so that a long statement on the migration connection does not hold it up. */
	void renew() {
		try (Connection renewal = this.dataSource.getConnection()) {
			renewal.setAutoCommit(true);
			if (extend(renewal) != 1) {
				this.lost = "the lease row of '" + this.owner + "' is gone from " + this.table
						+ " (it expired and another run took it over, or it was deleted by hand)";
				logger.error("Lost the migration lock: {}", this.lost);
				ScheduledExecutorService current = this.renewer;
				if (current != null) {
					current.shutdown();
				}
			}
		}
		catch (SQLException | RuntimeException ex) {
			logger.warn("Could not renew the migration lock lease ({}); retrying: {}", description(), ex.getMessage());
		}
	}

	/** Moves the lease's expiry on; returns the rows matched, 1 while this run holds the lease. */
	private int extend(Connection on) throws SQLException {
		try (PreparedStatement update = on
			.prepareStatement("UPDATE " + this.table + " SET expires_at = ? WHERE lock_name = ? AND owner = ?")) {
			update.setObject(1, utc(this.clock.instant().plus(this.lease)));
			update.setString(2, this.lockName);
			update.setString(3, this.owner);
			return update.executeUpdate();
		}
	}

	/**
	 * Before the first step: extends the lease on the migration connection, which finds out
	 * whether it was lost since it was acquired, and starts renewing it.
	 */
	private void confirm() {
		try {
			if (extend(this.connection) != 1) {
				this.lost = "the lease row of '" + this.owner + "' is gone from " + this.table
						+ " (it expired before the first step and another run took it over, or it was deleted by hand)";
				return;
			}
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not extend the migration lock lease (" + description() + "): "
					+ ex.getMessage() + " [SQLState " + ex.getSQLState() + "]", ex);
		}
		this.confirmed = true;
		startRenewing();
	}

	@Override
	public void checkHeld() {
		if (this.held && !this.confirmed && this.lost == null) {
			confirm();
		}
		if (this.lost != null) {
			throw new MigrateException("The migration lock (" + description() + ") was lost: " + this.lost
					+ ". Stopped before the next step; run again once the other run is done");
		}
	}

	@Override
	void unlock() throws SQLException {
		this.held = false;
		ScheduledExecutorService current = this.renewer;
		if (current != null) {
			current.shutdownNow();
			this.renewer = null;
		}
		try (PreparedStatement delete = this.connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE lock_name = ? AND owner = ?")) {
			delete.setString(1, this.lockName);
			delete.setString(2, this.owner);
			delete.executeUpdate();
		}
	}

	@Override
	String holder() throws SQLException {
		Lease current = current();
		if (current == null) {
			return null;
		}
		return "lease owner '" + current.owner() + "' (acquired " + current.acquiredAt() + ", expires "
				+ current.expiresAt() + " unless renewed)";
	}

	@Override
	String advice(String holder) {
		return "Wait for that migration to finish; a lease that its owner stops renewing is taken over once it expires"
				+ " (after " + this.lease.toSeconds() + " s), and a stuck one can be removed with DELETE FROM "
				+ this.table + " WHERE lock_name = " + this.dialect.literal(this.lockName);
	}

	@Override
	public String description() {
		return "lease '" + this.lockName + "' in table " + this.table;
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static Instant instant(LocalDateTime value) {
		return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
	}

	private record Lease(String owner, Instant acquiredAt, Instant expiresAt) {
	}

}
