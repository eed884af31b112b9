package dev.migrate.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.migrate.version.Condition;

/**
 * A MariaDB/MySQL named lock held by the migration connection's session:
 * {@code GET_LOCK(name, 0)} polled, {@code RELEASE_LOCK(name)} on release; freed by the
 * server when the session ends.
 *
 * <p>The name is {@code migrate:database.table}, where database is the configured schema,
 * else the connection's current database ({@code ''} when none is selected); when that is
 * longer than the 64 characters a lock name may have, {@code migrate:} and the first 16 hex
 * digits of the SHA-256 of {@code database.table}. The server computes it in the first try,
 * which also asks whether the version table exists (a hint for reading the heads, see
 * {@link MigrationLock#versionTableSeen()}): a no-op run makes three round trips, that
 * statement, reading the heads, and the release.
 */
final class MariaDbNamedLock extends PollingLock {

	/** The lock name from the configured schema (or null) and the table, as one row ({@code name}). */
	private static final String NAME = "SELECT IF(CHAR_LENGTH(CONCAT('migrate:', s.full)) > 64,"
			+ " CONCAT('migrate:', LEFT(SHA2(s.full, 256), 16)), CONCAT('migrate:', s.full)) AS name"
			+ " FROM (SELECT CONCAT(COALESCE(?, DATABASE(), ''), '.', ?) AS full) s";

	private final Connection connection;

	private final String schema;

	private final String table;

	private final Condition versionTable;

	private String lockName;

	private boolean versionTableSeen;

	private Long holderId;

	/**
	 * @param schema the configured schema, or {@code null} for the connection's database
	 * @param table the version table
	 * @param versionTable asks whether the version table exists
	 */
	MariaDbNamedLock(Connection connection, String schema, String table, Condition versionTable) {
		this.connection = connection;
		this.schema = schema;
		this.table = table;
		this.versionTable = versionTable;
	}

	/** The lock's name, once the first try has computed it; {@code null} before. */
	String lockName() {
		return this.lockName;
	}

	@Override
	public boolean versionTableSeen() {
		return this.versionTableSeen;
	}

	@Override
	boolean tryAcquire() throws SQLException {
		if (this.lockName == null) {
			return firstTry();
		}
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, this.lockName);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
			}
		}
	}

	/** The name, the version table hint and the lock in one statement. */
	private boolean firstTry() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT GET_LOCK(n.name, 0), n.name, "
				+ this.versionTable.sql() + " FROM (" + NAME + ") n")) {
			int next = this.versionTable.bind(statement, 1);
			statement.setString(next, this.schema);
			statement.setString(next + 1, this.table);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					throw new SQLException("The statement that tries the migration lock returned no row");
				}
				this.lockName = result.getString(2);
				this.versionTableSeen = result.getBoolean(3);
				return result.getInt(1) == 1;
			}
		}
	}

	@Override
	void unlock() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, this.lockName);
			statement.executeQuery().close();
		}
	}

	@Override
	String holder() throws SQLException {
		this.holderId = null;
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, this.lockName);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				long id = result.getLong(1);
				if (result.wasNull()) {
					return null;
				}
				this.holderId = id;
			}
		}
		StringBuilder holder = new StringBuilder("connection id ").append(this.holderId);
		try (PreparedStatement statement = this.connection.prepareStatement(
				"SELECT user, host, command, time, state, info FROM information_schema.processlist WHERE id = ?")) {
			statement.setLong(1, this.holderId);
			try (ResultSet result = statement.executeQuery()) {
				if (result.next()) {
					holder.append(" (user ").append(result.getString(1)).append(", host ").append(result.getString(2));
					holder.append(", ").append(result.getString(3)).append(" for ").append(result.getLong(4)).append(" s");
					String info = result.getString(6);
					if (info != null && !info.isBlank()) {
						holder.append(", running '").append(trim(info, 200)).append('\'');
					}
					holder.append(')');
				}
			}
		}
		return holder.toString();
	}

	@Override
	String advice(String holder) {
		if (this.holderId != null) {
			return "Wait for that migration to finish, or, if the session is stuck, end it with KILL " + this.holderId;
		}
		return "Wait for the other migration to finish";
	}

	@Override
	public String description() {
		if (this.lockName == null) {
			return "named lock on " + ((this.schema != null) ? this.schema + "." : "") + this.table;
		}
		return "named lock '" + this.lockName + "'";
	}

}
