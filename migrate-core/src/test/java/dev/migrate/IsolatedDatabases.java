package dev.migrate;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestDatabases;

/**
 * A database of its own per test, provisioned by migrate-testing's {@link TestDatabases}
 * (the environment's server, a container, or the local default; skipped or failed as it
 * decides). On PostgreSQL each test gets a schema of its own in one database per JVM,
 * made the connections' default through the URL's {@code currentSchema}: creating a
 * PostgreSQL database costs a second, a schema milliseconds. Connections are reused.
 */
public final class IsolatedDatabases {

	private static TestDatabase postgres;

	private IsolatedDatabases() {
	}

	/** A schema of its own in the JVM's PostgreSQL test database. */
	public static synchronized IsolatedDatabase postgres() {
		if (postgres == null) {
			TestDatabase database = TestDatabases.postgres();
			Runtime.getRuntime().addShutdownHook(new Thread(database::close));
			postgres = database;
		}
		TestDatabase database = postgres;
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(database, "CREATE SCHEMA " + schema);
		String url = database.jdbcUrl() + ((database.jdbcUrl().indexOf('?') >= 0) ? "&" : "?") + "currentSchema="
				+ schema;
		return new IsolatedDatabase(url, database.user(), database.password(),
				() -> execute(database, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
	}

	/** A MariaDB database of its own. */
	public static IsolatedDatabase mariadb() {
		TestDatabase database = TestDatabases.mariadb();
		return new IsolatedDatabase(database.jdbcUrl(), database.user(), database.password(), database::close);
	}

	/** An H2 in-memory database of its own. */
	public static IsolatedDatabase h2() {
		TestDatabase database = TestDatabases.h2();
		return new IsolatedDatabase(database.jdbcUrl(), database.user(), database.password(), database::close);
	}

	private static void execute(TestDatabase database, String sql) {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run " + sql + " on " + database + ": " + ex.getMessage(), ex);
		}
	}

	static Properties properties(String user, String password) {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		return properties;
	}

	/** One test database. */
	public static final class IsolatedDatabase implements AutoCloseable {

		private final String jdbcUrl;

		private final String user;

		private final String password;

		private final Runnable dropper;

		private final Pooled dataSource;

		IsolatedDatabase(String jdbcUrl, String user, String password, Runnable dropper) {
			this.jdbcUrl = jdbcUrl;
			this.user = user;
			this.password = password;
			this.dropper = dropper;
			this.dataSource = new Pooled(jdbcUrl, properties(user, password));
		}

		public String jdbcUrl() {
			return this.jdbcUrl;
		}

		public String user() {
			return this.user;
		}

		public String password() {
			return this.password;
		}

		public String engine() {
			return this.jdbcUrl.split(":")[1].toLowerCase(Locale.ROOT);
		}

		public Connection connection() throws SQLException {
			return this.dataSource.getConnection();
		}

		public DataSource dataSource() {
			return this.dataSource;
		}

		@Override
		public void close() {
			this.dataSource.closeAll();
			this.dropper.run();
		}

		@Override
		public String toString() {
			return this.jdbcUrl;
		}

	}

	/**
	 * Opens connections through the driver and keeps closed ones for reuse (opening a
	 * PostgreSQL session costs tens of milliseconds on a busy machine). A connection handed
	 * back is rolled back and returned to auto-commit.
	 */
	private static final class Pooled implements DataSource {

		private final String url;

		private final Properties properties;

		private final Deque<Connection> idle = new ArrayDeque<>();

		private boolean closed;

		Pooled(String url, Properties properties) {
			this.url = url;
			this.properties = properties;
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection;
			synchronized (this) {
				connection = this.idle.poll();
			}
			if (connection == null || connection.isClosed()) {
				connection = DriverManager.getConnection(this.url, this.properties);
			}
			Connection target = connection;
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, new InvocationHandler() {

						private boolean released;

						@Override
						public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
							if (method.getName().equals("close")) {
								if (!this.released) {
									this.released = true;
									release(target);
								}
								return null;
							}
							if (method.getName().equals("isClosed")) {
								return this.released || target.isClosed();
							}
							if (this.released) {
								throw new SQLException("connection closed");
							}
							try {
								return method.invoke(target, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						}

					});
		}

		private void release(Connection connection) throws SQLException {
			if (connection.isClosed()) {
				return;
			}
			try {
				if (!connection.getAutoCommit()) {
					connection.rollback();
					connection.setAutoCommit(true);
				}
			}
			catch (SQLException ex) {
				connection.close();
				return;
			}
			synchronized (this) {
				if (!this.closed) {
					this.idle.push(connection);
					return;
				}
			}
			connection.close();
		}

		synchronized void closeAll() {
			this.closed = true;
			for (Connection connection : this.idle) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// dropped with the database
				}
			}
			this.idle.clear();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return DriverManager.getConnection(this.url, IsolatedDatabases.properties(username, password));
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
