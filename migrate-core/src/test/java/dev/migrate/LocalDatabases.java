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

import org.junit.jupiter.api.Assumptions;

/**
 * A database of its own per test, on the local PostgreSQL and MariaDB servers or in H2
 * memory, dropped on close. A stand-in with the shape of migrate-testing's TestDatabases
 * until that module lands.
 */
public final class LocalDatabases {

	private LocalDatabases() {
	}

	private static String postgresDatabase;

	/**
	 * A schema of its own in a PostgreSQL database shared by the JVM (creating a database
	 * costs a second here; a schema, milliseconds): the URL's {@code currentSchema} makes it
	 * the connections' default schema.
	 */
	public static synchronized LocalDatabase postgres() {
		String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
		if (postgresDatabase == null) {
			String name = "migrate_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			execute(admin, "postgres", null, "CREATE DATABASE " + name);
			postgresDatabase = name;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(admin, "postgres", null,
					"DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
		}
		String database = "jdbc:postgresql://127.0.0.1:5432/" + postgresDatabase;
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		execute(database, "postgres", null, "CREATE SCHEMA " + schema);
		return new LocalDatabase(database + "?currentSchema=" + schema + "&options=-c%20synchronous_commit%3Doff", "postgres", null,
				() -> execute(database, "postgres", null, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
	}

	public static LocalDatabase mariadb() {
		String name = "migrate_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String admin = "jdbc:mariadb://127.0.0.1:3306/";
		execute(admin, "root", "", "CREATE DATABASE " + name);
		return new LocalDatabase("jdbc:mariadb://127.0.0.1:3306/" + name, "root", "",
				() -> execute(admin, "root", "", "DROP DATABASE IF EXISTS " + name));
	}

	public static LocalDatabase h2() {
		String name = "migrate_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
		return new LocalDatabase(url, "sa", "", () -> execute(url, "sa", "", "SHUTDOWN"));
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, properties(user, password));
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			Assumptions.abort("Database not available at " + url + ": " + ex.getMessage());
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
	public static final class LocalDatabase implements AutoCloseable {

		private final String jdbcUrl;

		private final String user;

		private final String password;

		private final Runnable dropper;

		private final Pooled dataSource;

		LocalDatabase(String jdbcUrl, String user, String password, Runnable dropper) {
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
			return DriverManager.getConnection(this.url, LocalDatabases.properties(username, password));
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
