package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.migrate.MigrateException;
import dev.migrate.ops.Operation;
import dev.migrate.ops.OperationSink;
import dev.migrate.ops.Operations;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.revision.Revision;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An empty place to migrate for one test, on a real database: a fresh schema of a
 * PostgreSQL database shared by the test JVM (creating and dropping a database per test
 * takes seconds there), a fresh MariaDB database, or a fresh H2 in-memory database. Its
 * {@link #op()} executes each operation at once through JDBC, as the runtime does online.
 * PostgreSQL and MariaDB tests are skipped when the server is not reachable on its default
 * local address, and fail instead when the environment sets {@code CI=true}.
 */
public final class Scratch implements AutoCloseable {

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";

	private static String postgresDatabase;

	private final Connection connection;

	private final Dialect dialect;

	private final String schema;

	private final Runnable cleanup;

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	private Scratch(Connection connection, Dialect dialect, String schema, Runnable cleanup) {
		this.connection = connection;
		this.dialect = dialect;
		this.schema = schema;
		this.cleanup = cleanup;
	}

	/** A fresh schema, first on the connection's search path, in the shared PostgreSQL test database. */
	public static Scratch postgres() {
		String database = postgresDatabase();
		String schema = name("s");
		Connection connection = connect(POSTGRES + database, "postgres");
		try {
			run(connection, "CREATE SCHEMA " + schema);
			run(connection, "SET search_path TO " + schema + ", public");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return new Scratch(connection, Dialect.forConnection(connection), schema, () -> {
			try {
				connection.setAutoCommit(true);
				run(connection, "DROP SCHEMA " + schema + " CASCADE");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not drop test schema " + schema, ex);
			}
		});
	}

	/** A fresh MariaDB database. */
	public static Scratch mariadb() {
		String database = name("migrate_ops_");
		try (Connection admin = connect(MARIADB, "root")) {
			run(admin, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		Connection connection = connect(MARIADB + database, "root");
		return new Scratch(connection, Dialect.forConnection(connection), database, () -> {
			try {
				run(connection, "DROP DATABASE " + database);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not drop test database " + database, ex);
			}
		});
	}

	/** A fresh H2 in-memory database. */
	public static Scratch h2() {
		try {
			Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + name("ops"));
			return new Scratch(connection, Dialect.forConnection(connection), "PUBLIC", () -> {
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The JDBC URL of the shared PostgreSQL test database. */
	public static String postgresUrl() {
		return POSTGRES + postgresDatabase();
	}

	/** The name of the shared PostgreSQL test database, which listens on {@code 127.0.0.1:5432} for user {@code postgres}. */
	public static String postgresDatabaseName() {
		return postgresDatabase();
	}

	private static synchronized String postgresDatabase() {
		if (postgresDatabase == null) {
			String database = name("migrate_ops_");
			try (Connection admin = connect(POSTGRES + "postgres?connectTimeout=5", "postgres")) {
				run(admin, "CREATE DATABASE " + database);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
					run(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
				}
				catch (SQLException ex) {
					System.err.println("Could not drop test database " + database + ": " + ex.getMessage());
				}
			}));
			postgresDatabase = database;
		}
		return postgresDatabase;
	}

	private static String name(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static Connection connect(String url, String user) {
		try {
			return DriverManager.getConnection(url, user, "");
		}
		catch (SQLException ex) {
			if ("true".equals(System.getenv("CI"))) {
				throw new AssertionError("Database at " + url + " is not reachable and CI=true: " + ex.getMessage(), ex);
			}
			assumeTrue(false, "Database at " + url + " is not reachable: " + ex.getMessage());
			throw new IllegalStateException(ex);
		}
	}

	private static void run(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** The connection, in autocommit unless a test changes it. */
	public Connection connection() {
		return this.connection;
	}

	/** The dialect of this database, from its connection. */
	public Dialect dialect() {
		return this.dialect;
	}

	/** The schema (PostgreSQL, H2) or database (MariaDB) the test's objects go into by default. */
	public String schema() {
		return this.schema;
	}

	/** Operations that execute each recorded operation at once, for no particular revision. */
	public Operations op() {
		return new RecordingOperations(this.dialect, sink());
	}

	/** Operations that execute each recorded operation at once, for a revision. */
	public Operations op(Revision revision) {
		return new RecordingOperations(this.dialect, sink(), revision);
	}

	/** A sink executing each operation's statements on this connection, online. */
	public OperationSink sink() {
		return new OperationSink() {

			@Override
			public void accept(Operation operation) {
				for (String sql : Scratch.this.dialect.render(operation)) {
					Scratch.this.executed.add(sql);
					try {
						run(Scratch.this.connection, sql);
					}
					catch (SQLException ex) {
						throw new MigrateException("Statement failed on " + Scratch.this.dialect.name() + " (SQLState "
								+ ex.getSQLState() + "): " + ex.getMessage() + "\n" + sql, ex);
					}
				}
			}

			@Override
			public Optional<Connection> connection() {
				return Optional.of(Scratch.this.connection);
			}

		};
	}

	/** Every statement executed through {@link #op()} and {@link #execute(String)}, in order. */
	public List<String> executed() {
		return List.copyOf(this.executed);
	}

	/** Executes one statement. */
	public void execute(String sql) {
		this.executed.add(sql);
		try {
			run(this.connection, sql);
		}
		catch (SQLException ex) {
			throw new AssertionError("Statement failed on " + this.dialect.name() + " (SQLState " + ex.getSQLState()
					+ "): " + ex.getMessage() + "\n" + sql, ex);
		}
	}

	/** The rows a query returns, each value as {@link ResultSet#getObject(int)} gives it. */
	public List<List<Object>> rows(String query) {
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery(query)) {
			List<List<Object>> rows = new ArrayList<>();
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				List<Object> row = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					row.add(result.getObject(i));
				}
				rows.add(row);
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new AssertionError("Query failed on " + this.dialect.name() + ": " + ex.getMessage() + "\n" + query,
					ex);
		}
	}

	/** The only value a query returns. */
	public Object value(String query) {
		List<List<Object>> rows = rows(query);
		if (rows.size() != 1 || rows.get(0).size() != 1) {
			throw new AssertionError("Expected one value from " + query + ", got " + rows);
		}
		return rows.get(0).get(0);
	}

	/** Reads what this scratch space holds through JDBC metadata and the information schema. */
	public Catalog catalog() {
		return new Catalog(this);
	}

	/** A name as the catalog stores it: H2 upper-cases the names it does not need to quote. */
	public String stored(String name) {
		if (this.dialect.name().equals(Dialect.H2) && this.dialect.quote(name).equals(name)) {
			return name.toUpperCase(java.util.Locale.ROOT);
		}
		return name;
	}

	@Override
	public void close() throws SQLException {
		try {
			this.cleanup.run();
		}
		finally {
			this.connection.close();
		}
	}

	@Override
	public String toString() {
		return "Scratch(" + this.dialect.name() + ", " + this.schema + ")";
	}

}
