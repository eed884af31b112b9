package dev.migrate.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A MariaDB/MySQL named lock held by the migration connection's session:
 * {@code GET_LOCK(name, 0)} polled, {@code RELEASE_LOCK(name)} on release; freed by the
 * server when the session ends.
 */
final class MariaDbNamedLock extends PollingLock {

	private final Connection connection;

	private final String lockName;

	private Long holderId;

	MariaDbNamedLock(Connection connection, String lockName) {
		this.connection = connection;
		this.lockName = lockName;
	}

	@Override
	boolean tryAcquire() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, this.lockName);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) == 1;
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
		return "named lock '" + this.lockName + "'";
	}

}
