package dev.migrate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The floor: what a hand-written migrator does at least. One connection, a session
 * advisory lock, a one-row version table, and per revision one transaction that runs its
 * statements, moves the version and commits.
 */
final class RawJdbc implements Contender {

	private static final long LOCK_KEY = 0x6d6967726174L;

	@Override
	public int migrate(Target target) throws SQLException {
		int size = target.workload().size();
		try (Connection connection = DriverManager.getConnection(target.url(), target.user(), null)) {
			lock(connection);
			try {
				int version = version(connection);
				if (version < 0) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("CREATE TABLE raw_version (version int NOT NULL)");
						statement.execute("INSERT INTO raw_version VALUES (0)");
					}
					version = 0;
				}
				if (version >= size) {
					return 0;
				}
				connection.setAutoCommit(false);
				try (PreparedStatement update = connection.prepareStatement("UPDATE raw_version SET version = ?")) {
					for (int i = version + 1; i <= size; i++) {
						try (Statement statement = connection.createStatement()) {
							for (String sql : Workload.statements(i)) {
								statement.execute(sql);
							}
						}
						update.setInt(1, i);
						update.executeUpdate();
						connection.commit();
					}
				}
				connection.setAutoCommit(true);
				return size - version;
			}
			finally {
				unlock(connection);
			}
		}
	}

	@Override
	public int info(Target target) throws SQLException {
		try (Connection connection = DriverManager.getConnection(target.url(), target.user(), null)) {
			return target.workload().size() - Math.max(0, version(connection));
		}
	}

	/** The version, or -1 when the table does not exist. */
	private static int version(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version FROM raw_version")) {
			return result.next() ? result.getInt(1) : 0;
		}
		catch (SQLException ex) {
			if ("42P01".equals(ex.getSQLState())) {
				return -1;
			}
			throw ex;
		}
	}

	private static void lock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
		}
	}

	private static void unlock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
		}
	}

}
