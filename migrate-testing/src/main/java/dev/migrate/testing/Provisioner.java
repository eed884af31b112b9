package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.opentest4j.TestAbortedException;

import dev.migrate.testing.TestDatabase.Engine;

/**
 * Finds a server for each engine, once, and creates and drops test databases on it. A server
 * comes from, in order: the environment ({@code MIGRATE_TEST_POSTGRES_URL},
 * {@code MIGRATE_TEST_MARIADB_URL}), a Testcontainers container when Docker answers, or the
 * engine's local default address. A server that cannot be reached fails the test when
 * {@code CI=true} and skips it otherwise.
 */
final class Provisioner {

	static final int PROBE_TIMEOUT_SECONDS = 3;

	private static final String NAME_PREFIX = "migrate_test_";

	private final Map<String, String> environment;

	private final BooleanSupplier dockerAvailable;

	private final Map<Engine, Probe> probes = new EnumMap<>(Engine.class);

	private Boolean docker;

	Provisioner(Map<String, String> environment) {
		this(environment, Containers::dockerAvailable);
	}

	Provisioner(Map<String, String> environment, BooleanSupplier dockerAvailable) {
		this.environment = Map.copyOf(environment);
		this.dockerAvailable = dockerAvailable;
	}

	/**
	 * Creates an empty database.
	 * @throws TestAbortedException if the engine's server cannot be reached and CI is not true
	 * @throws IllegalStateException if it cannot be reached on CI, or the database cannot be created
	 */
	TestDatabase create(Engine engine) {
		String name = NAME_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if (engine == Engine.H2) {
			String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
			return new TestDatabase(engine, name, url, "sa", "", "in memory", () -> shutDownH2(url));
		}
		Server server = server(engine);
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			statement.execute((engine == Engine.POSTGRESQL) ? "CREATE DATABASE \"" + name + "\" TEMPLATE template0"
					: "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name + " on " + server + ": "
					+ ex.getMessage() + ". The user must be allowed to create databases; " + howToConfigure(engine),
					ex);
		}
		return new TestDatabase(engine, name, JdbcUrls.withDatabase(server.url(), name), server.user(),
				server.password(), server.origin(), () -> drop(server, name));
	}

	/**
	 * The engine's server, probed on first use.
	 * @throws TestAbortedException if it cannot be reached and CI is not true
	 * @throws IllegalStateException if it cannot be reached on CI
	 */
	synchronized Server server(Engine engine) {
		Probe probe = this.probes.computeIfAbsent(engine, this::probe);
		if (probe.server() != null) {
			return probe.server();
		}
		if (isCi()) {
			throw new IllegalStateException(probe.problem());
		}
		throw new TestAbortedException(probe.problem() + " Skipping the test (set CI=true to fail instead).");
	}

	/** Makes sure the engine's server can be used, without creating a database. */
	void require(Engine engine) {
		if (engine != Engine.H2) {
			server(engine);
		}
	}

	private Probe probe(Engine engine) {
		Server server = configured(engine);
		if (server == null && docker()) {
			try {
				return new Probe(Containers.start(engine), null);
			}
			catch (RuntimeException ex) {
				return new Probe(null, "Could not start a " + engine.displayName() + " container with Testcontainers: "
						+ ex.getMessage() + ". " + howToConfigure(engine));
			}
		}
		if (server == null) {
			server = localDefault(engine);
		}
		try {
			server.connect(PROBE_TIMEOUT_SECONDS).close();
			return new Probe(server, null);
		}
		catch (SQLException ex) {
			return new Probe(null, engine.displayName() + " for tests is not reachable at " + server.url() + " ("
					+ server.origin() + "): " + ex.getMessage() + ". Start it, or " + howToConfigure(engine));
		}
	}

	private Server configured(Engine engine) {
		String variable = variablePrefix(engine) + "_URL";
		String url = env(variable);
		if (url == null) {
			return null;
		}
		try {
			JdbcUrls.withDatabase(url, "any");
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(variable + ": " + ex.getMessage(), ex);
		}
		String user = env(variablePrefix(engine) + "_USER");
		String password = env(variablePrefix(engine) + "_PASSWORD");
		return new Server(engine, url, (user != null) ? user : JdbcUrls.parameter(url, "user"),
				(password != null) ? password : JdbcUrls.parameter(url, "password"), "from " + variable);
	}

	private static Server localDefault(Engine engine) {
		return switch (engine) {
			case POSTGRESQL -> new Server(engine, "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", null,
					"local default");
			case MARIADB -> new Server(engine, "jdbc:mariadb://127.0.0.1:3306/", "root", "", "local default");
			case H2 -> throw new IllegalArgumentException("H2 runs in memory and has no server");
		};
	}

	private boolean docker() {
		if (this.docker == null) {
			this.docker = this.dockerAvailable.getAsBoolean();
		}
		return this.docker;
	}

	private boolean isCi() {
		return "true".equalsIgnoreCase(env("CI"));
	}

	private String env(String name) {
		String value = this.environment.get(name);
		return (value != null && !value.isBlank()) ? value.trim() : null;
	}

	private static String variablePrefix(Engine engine) {
		return (engine == Engine.POSTGRESQL) ? "MIGRATE_TEST_POSTGRES" : "MIGRATE_TEST_MARIADB";
	}

	private static String howToConfigure(Engine engine) {
		String prefix = variablePrefix(engine);
		return "set " + prefix + "_URL (and " + prefix + "_USER, " + prefix + "_PASSWORD) to a " + engine.displayName()
				+ " server where the user may create databases.";
	}

	private static void drop(Server server, String name) throws SQLException {
		try (Connection connection = server.connect(); Statement statement = connection.createStatement()) {
			if (server.engine() == Engine.POSTGRESQL) {
				dropPostgres(connection, statement, name);
			}
			else {
				dropMariaDb(statement, name);
			}
		}
	}

	private static void dropPostgres(Connection connection, Statement statement, String name) throws SQLException {
		if (connection.getMetaData().getDatabaseMajorVersion() >= 13) {
			statement.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
			return;
		}
		statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
				+ "' AND pid <> pg_backend_pid()");
		statement.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
	}

	private static void dropMariaDb(Statement statement, String name) throws SQLException {
		statement.execute("SET SESSION lock_wait_timeout = 10");
		List<Long> sessions = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(
				"SELECT id FROM information_schema.processlist WHERE db = '" + name + "' AND id <> CONNECTION_ID()")) {
			while (rows.next()) {
				sessions.add(rows.getLong(1));
			}
		}
		for (long session : sessions) {
			try {
				statement.execute("KILL " + session);
			}
			catch (SQLException ex) {
				// the session ended meanwhile
			}
		}
		statement.execute("DROP DATABASE IF EXISTS `" + name + "`");
	}

	private static void shutDownH2(String url) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
	}

	/** What probing a server found: the server, or why it cannot be used. */
	private record Probe(Server server, String problem) {

	}

}
