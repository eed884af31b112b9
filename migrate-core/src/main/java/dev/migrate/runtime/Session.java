package dev.migrate.runtime;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.version.VersionStore;

/**
 * One connection taken for one command, with the dialect and version store that go with it.
 * Closing it restores the connection's auto-commit mode and closes it.
 */
final class Session implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Session.class);

	private static volatile String hostName;

	final Connection connection;

	final Dialect dialect;

	final VersionStore store;

	private final boolean autoCommit;

	private String installedBy;

	private Session(Connection connection, Dialect dialect, VersionStore store, boolean autoCommit) {
		this.connection = connection;
		this.dialect = dialect;
		this.store = store;
		this.autoCommit = autoCommit;
	}

	static Session open(Settings settings) {
		if (settings.dataSource() == null) {
			throw new MigrateException("No database is configured: give the migrator a DataSource or a JDBC URL"
					+ " (Migrator.builder().dataSource(...) or .url(...)); only offline scripts work without one");
		}
		Connection connection;
		try {
			connection = settings.dataSource().getConnection();
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not connect to the database" + ((settings.url() != null) ? " at "
					+ settings.url() : "") + ": " + ex.getMessage() + " [SQLState " + ex.getSQLState() + "]", ex);
		}
		try {
			Dialect dialect = (settings.dialect() != null) ? settings.dialect() : Dialect.forConnection(connection);
			boolean autoCommit = connection.getAutoCommit();
			if (!autoCommit) {
				connection.setAutoCommit(true);
			}
			return new Session(connection, dialect, new VersionStore(dialect, settings.tables()), autoCommit);
		}
		catch (SQLException | RuntimeException ex) {
			close(connection);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new MigrateException("Could not prepare the migration connection: " + ex.getMessage(), ex);
		}
	}

	/** The database user and this host, as the history records who ran a step. */
	String installedBy() {
		if (this.installedBy == null) {
			String user;
			try {
				user = this.connection.getMetaData().getUserName();
			}
			catch (SQLException ex) {
				user = null;
			}
			if (user == null || user.isEmpty()) {
				user = System.getProperty("user.name", "unknown");
			}
			this.installedBy = user.contains("@") ? user : user + "@" + hostName();
		}
		return this.installedBy;
	}

	private static String hostName() {
		String result = hostName;
		if (result == null) {
			try {
				result = InetAddress.getLocalHost().getHostName();
			}
			catch (Exception ex) {
				result = "unknown-host";
			}
			hostName = result;
		}
		return result;
	}

	/** Rolls back whatever is open, quietly; for error paths. */
	void rollbackQuietly() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
			}
		}
		catch (SQLException ex) {
			logger.debug("Rollback failed", ex);
		}
	}

	/** Ends any open transaction with a rollback and returns to auto-commit. */
	void autoCommit() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not return the migration connection to auto-commit", ex);
		}
	}

	@Override
	public void close() {
		try {
			if (this.connection.getAutoCommit() != this.autoCommit) {
				this.connection.setAutoCommit(this.autoCommit);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not restore the connection's auto-commit mode", ex);
		}
		close(this.connection);
	}

	private static void close(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the migration connection", ex);
		}
	}

}
