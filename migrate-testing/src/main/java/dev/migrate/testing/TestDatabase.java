package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * A database of its own for one test, created empty on a real server and dropped by
 * {@link #close()}. Obtain one from {@link TestDatabases} or have it injected into a test
 * annotated {@link PostgresTest @PostgresTest}, {@link MariaDbTest @MariaDbTest} or
 * {@link H2Test @H2Test}.
 */
public final class TestDatabase implements AutoCloseable {

	private final Engine engine;

	private final String name;

	private final String jdbcUrl;

	private final String user;

	private final String password;

	private final String origin;

	private final Properties properties;

	private final Dropper dropper;

	private final DataSource dataSource;

	private final AtomicBoolean closed = new AtomicBoolean();

	TestDatabase(Engine engine, String name, String jdbcUrl, String user, String password, String origin,
			Dropper dropper) {
		this.engine = engine;
		this.name = name;
		this.jdbcUrl = jdbcUrl;
		this.user = user;
		this.password = password;
		this.origin = origin;
		this.properties = Server.credentials(user, password);
		this.dropper = dropper;
		this.dataSource = new SimpleDataSource(jdbcUrl, this.properties);
	}

	/** The database engine. */
	public Engine engine() {
		return this.engine;
	}

	/** The database's name, {@code migrate_test_} and random characters. */
	public String name() {
		return this.name;
	}

	/** The JDBC URL of this database. */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/** The user to connect as, or {@code null} when the URL leaves it to the driver. */
	public String user() {
		return this.user;
	}

	/** The user's password, or {@code null} when there is none. */
	public String password() {
		return this.password;
	}

	/**
	 * Opens a new connection to this database; the caller closes it.
	 * @throws SQLException if the driver cannot connect
	 */
	public Connection connection() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, this.properties);
	}

	/** A data source that opens a new connection each time; no pool. */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * Drops the database, first ending the sessions still connected to it. Calling it again
	 * does nothing.
	 * @throws IllegalStateException if the database cannot be dropped
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			try {
				this.dropper.drop();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not drop test database " + this.name + " (" + this.origin
						+ "): " + ex.getMessage() + ". Drop it by hand if it is left behind.", ex);
			}
		}
	}

	@Override
	public String toString() {
		return this.engine.displayName() + " test database " + this.name + " at " + this.jdbcUrl + " (" + this.origin
				+ ")";
	}

	/** Drops a test database. */
	@FunctionalInterface
	interface Dropper {

		void drop() throws SQLException;

	}

	/** The engines a test database can run on. */
	public enum Engine {

		/** PostgreSQL, from the environment, a container or the local server. */
		POSTGRESQL("PostgreSQL"),

		/** MariaDB, from the environment, a container or the local server. */
		MARIADB("MariaDB"),

		/** H2 in memory, in this JVM. */
		H2("H2");

		private final String displayName;

		Engine(String displayName) {
			this.displayName = displayName;
		}

		String displayName() {
			return this.displayName;
		}

	}

}
