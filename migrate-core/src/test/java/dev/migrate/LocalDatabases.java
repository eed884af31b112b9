package dev.migrate;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
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

	public static LocalDatabase postgres() {
		String name = "migrate_rt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
		execute(admin, "postgres", null, "CREATE DATABASE " + name);
		return new LocalDatabase("jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", null, () -> execute(admin,
				"postgres", null, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
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

		private final DataSource dataSource;

		LocalDatabase(String jdbcUrl, String user, String password, Runnable dropper) {
			this.jdbcUrl = jdbcUrl;
			this.user = user;
			this.password = password;
			this.dropper = dropper;
			this.dataSource = new Simple(jdbcUrl, properties(user, password));
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
			this.dropper.run();
		}

		@Override
		public String toString() {
			return this.jdbcUrl;
		}

	}

	private record Simple(String url, Properties properties) implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			return DriverManager.getConnection(this.url, this.properties);
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
