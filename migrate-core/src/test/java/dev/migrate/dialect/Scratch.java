package dev.migrate.dialect;

import java.sql.Connection;
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
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestDatabase.Engine;
import dev.migrate.testing.TestDatabases;

/**
 * An empty place to migrate for one test, on a real database from {@code dev.migrate.testing}:
 * a fresh schema of a PostgreSQL database shared by the test JVM (creating and dropping a
 * database per test takes seconds there), a fresh MariaDB database, or a fresh H2 in-memory
 * database. Its {@link #op()} executes each operation at once through JDBC, as the runtime
 * does online. Skipped when the server cannot be reached, failed instead when {@code CI=true},
 * as {@link TestDatabases} decides.
 */
public final class Scratch implements AutoCloseable {

	private static TestDatabase postgres;

	private final Connection connection;

	private final Dialect dialect;

	private final String schema;

	private final String url;

	private final TestDatabase database;

	private final Runnable cleanup;

	private final List<String> executed = Collections.synchronizedList(new ArrayList<>());

	private Scratch(Connection connection, String schema, String url, TestDatabase database, Runnable cleanup) {
		this.connection = connection;
		this.dialect = Dialect.forConnection(connection);
		this.schema = schema;
		this.url = url;
		this.database = database;
		this.cleanup = cleanup;
	}

	/** A fresh schema, first on the connection's search path, in the shared PostgreSQL test database. */
	public static Scratch postgres() {
		TestDatabase database = postgresDatabase();
		String schema = name("s");
		try {
			Connection connection = database.connection();
			run(connection, "CREATE SCHEMA " + schema);
			run(connection, "SET search_path TO " + schema + ", public");
			String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema="
					+ schema + ",public";
			return new Scratch(connection, schema, url, database, () -> {
				try {
					connection.setAutoCommit(true);
					run(connection, "DROP SCHEMA " + schema + " CASCADE");
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Could not drop test schema " + schema, ex);
				}
			});
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test schema " + schema + " in " + database, ex);
		}
	}

	/** A fresh MariaDB database. */
	public static Scratch mariadb() {
		return of(TestDatabases.mariadb());
	}

	/** A fresh H2 in-memory database. */
	public static Scratch h2() {
		return of(TestDatabases.h2());
	}

	private static Scratch of(TestDatabase database) {
		try {
			Connection connection = database.connection();
			String schema = (database.engine() == Engine.H2) ? "PUBLIC" : database.name();
			return new Scratch(connection, schema, database.jdbcUrl(), database, database::close);
		}
		catch (SQLException ex) {
			database.close();
			throw new IllegalStateException("Could not connect to " + database, ex);
		}
	}

	/** The shared PostgreSQL test database, created on first use and dropped when the JVM exits. */
	public static synchronized TestDatabase postgresDatabase() {
		if (postgres == null) {
			TestDatabase database = TestDatabases.postgres();
			Runtime.getRuntime().addShutdownHook(new Thread(database::close));
			postgres = database;
		}
		return postgres;
	}

	private static String name(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static void run(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/**
	 * A JDBC URL of this scratch space: on PostgreSQL one whose connections put the scratch
	 * schema first on their search path.
	 */
	public String url() {
		return this.url;
	}

	/** The user to connect as, or {@code null}. */
	public String user() {
		return this.database.user();
	}

	/** The user's password, or {@code null}. */
	public String password() {
		return this.database.password();
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
			if (this.database.engine() == Engine.POSTGRESQL) {
				this.cleanup.run();
			}
		}
		finally {
			this.connection.close();
			if (this.database.engine() != Engine.POSTGRESQL) {
				this.cleanup.run();
			}
		}
	}

	@Override
	public String toString() {
		return "Scratch(" + this.dialect.name() + ", " + this.schema + ")";
	}

}
