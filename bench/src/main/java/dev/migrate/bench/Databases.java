package dev.migrate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and drops the databases of the measured runs on one PostgreSQL server, each named
 * {@code migrate_bench_...} so that leftovers of an interrupted run are recognized and dropped.
 */
final class Databases {

	private static final String PREFIX = "migrate_bench_";

	private final String adminUrl;

	private final String user;

	/**
	 * @param adminUrl the JDBC URL of a database to connect to for {@code CREATE DATABASE},
	 * usually {@code postgres}
	 * @param user a user who may create databases
	 */
	Databases(String adminUrl, String user) {
		this.adminUrl = adminUrl;
		this.user = user;
	}

	String user() {
		return this.user;
	}

	/** Creates an empty database and returns its JDBC URL. */
	String create(String name) throws SQLException {
		String database = PREFIX + name;
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database + " TEMPLATE template0");
		}
		return urlOf(database);
	}

	void drop(String url) throws SQLException {
		String database = databaseOf(url);
		if (!database.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Refusing to drop " + database + ": not a benchmark database");
		}
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	/** Drops the databases an interrupted run left behind. */
	void dropLeftovers() throws SQLException {
		List<String> leftovers = new ArrayList<>();
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			try (ResultSet result = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE '"
					+ PREFIX + "%'")) {
				while (result.next()) {
					leftovers.add(result.getString(1));
				}
			}
			for (String database : leftovers) {
				statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	/** How many of the workload's tables {@code t_i} a database holds, with an index each. */
	static int tables(String url, String user) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, user, null);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'public'"
						+ " AND tablename ~ '^t_[0-9]+$' AND indexname ~ '^t_[0-9]+_name$'")) {
			result.next();
			return result.getInt(1);
		}
	}

	private Connection admin() throws SQLException {
		return DriverManager.getConnection(this.adminUrl, this.user, null);
	}

	String urlOf(String database) {
		int slash = this.adminUrl.indexOf('/', "jdbc:postgresql://".length());
		int query = this.adminUrl.indexOf('?', slash);
		return this.adminUrl.substring(0, slash + 1) + database + ((query >= 0) ? this.adminUrl.substring(query) : "");
	}

	private static String databaseOf(String url) {
		int slash = url.indexOf('/', "jdbc:postgresql://".length());
		int query = url.indexOf('?', slash);
		return url.substring(slash + 1, (query >= 0) ? query : url.length());
	}

}
