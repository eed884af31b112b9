package dev.migrate.runtime;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.LockMode;
import dev.migrate.Migrator;
import dev.migrate.StepLog;
import dev.migrate.event.LockAcquired;
import dev.migrate.event.MigrationListener;
import dev.migrate.revision.Revision;
import dev.migrate.source.Fingerprint;
import dev.migrate.source.RevisionSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a run says to the database when there is nothing to do, as every application boot
 * runs it: the statements on the migration connection, each a round trip.
 */
class NoOpRunTests {

	private static final String READ_HEADS = "SELECT v.version_num, f.fingerprint, f.heads FROM migrate_version v"
			+ " CROSS JOIN migrate_version_fingerprint f";

	static IsolatedDatabase database(String engine) {
		return switch (engine) {
			case "postgresql" -> IsolatedDatabases.postgres();
			case "mariadb" -> IsolatedDatabases.mariadb();
			default -> IsolatedDatabases.h2();
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb" })
	void sessionLockRunAtTheHeadsMakesThreeStatements(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Recording recording = recording(database);
			Migrator migrator = migrator(recording, LockMode.ADVISORY);
			assertThat(migrator.upgrade("heads").steps()).hasSize(2);
			assertThat(recording.failed).as("statements that failed on the first run").isEmpty();
			recording.statements.clear();

			assertThat(migrator.upgrade("heads").steps()).isEmpty();

			String unlock = engine.equals("postgresql")
					? "SELECT pg_advisory_unlock(?), set_config('client_connection_check_interval', ?, false)"
					: "SELECT RELEASE_LOCK(?)";
			List<String> statements = recording.statements;
			assertThat(statements).hasSize(3);
			assertThat(statements.get(0))
				.startsWith(engine.equals("postgresql") ? "SELECT pg_try_advisory_lock(k.key), " : "SELECT GET_LOCK(");
			assertThat(statements.subList(1, 3)).containsExactly("SELECT version_num FROM migrate_version", unlock);
			assertThat(recording.failed).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void upgradeAtTheRecordedHeadsOfUnchangedRevisionsMakesTwoStatementsAndTakesNoLock(String engine)
			throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Recording recording = recording(database);
			Migrator first = Migrator.builder().dataSource(recording).revisions(revisions()).build();
			assertThat(first.upgrade("heads").steps()).hasSize(2);
			assertThat(recording.failed).as("statements that failed on the first run").isEmpty();
			recording.statements.clear();

			Migrator next = Migrator.builder().dataSource(recording).revisions(revisions()).build();
			assertThat(next.upgrade("heads").steps()).isEmpty();

			List<String> statements = recording.statements;
			assertThat(statements).hasSize(2);
			// whether both tables exist, then every version row with every recorded fingerprint
			assertThat(statements.get(0)).startsWith("SELECT (").contains("), (");
			assertThat(statements.get(1)).isEqualTo(READ_HEADS);
			assertThat(recording.failed).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void recordedHeadsAreReadWhileTheFingerprintIsStillBeingTaken(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Recording recording = recording(database);
			GatedFingerprint source = new GatedFingerprint(recording);
			assertThat(migrator(recording, source).upgrade("heads").steps()).hasSize(2);
			recording.statements.clear();
			recording.executed.set(0);

			source.gated = true;
			assertThat(migrator(recording, source).upgrade("heads").steps()).isEmpty();
			assertThat(source.openedByReads).as("the fingerprint was taken after the two reads began").isTrue();
			assertThat(recording.statements).hasSize(2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb" })
	void reusedMigratorOfRevisionsWithoutAFingerprintReadsNothingForIt(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Recording recording = recording(database);
			assertThat(Migrator.builder().dataSource(recording).revisions(revisions()).build().upgrade("heads")
				.steps()).hasSize(2);
			Migrator migrator = migrator(recording, new Unfingerprinted());
			assertThat(migrator.upgrade("heads").steps()).isEmpty();
			recording.statements.clear();

			assertThat(migrator.upgrade("heads").steps()).isEmpty();
			assertThat(recording.statements).as("statements of a run without a fingerprint").hasSize(3);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "h2", "postgresql" })
	void tableLeaseRunAtTheHeadsMakesFourStatements(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			Recording recording = recording(database);
			Migrator migrator = migrator(recording, LockMode.TABLE);
			assertThat(migrator.upgrade("heads").steps()).hasSize(2);
			assertThat(recording.failed).as("statements that failed on the first run").isEmpty();
			recording.statements.clear();

			assertThat(migrator.upgrade("heads").steps()).isEmpty();

			// the lease's name needs the schema: a query on PostgreSQL, answered by the session on H2
			List<String> statements = new ArrayList<>(recording.statements);
			assertThat(statements.remove(0)).isEqualTo("getSchema()");
			assertThat(statements).hasSize(4);
			// whether the lock table and the version table exist, in one statement
			assertThat(statements.get(0)).startsWith("SELECT (").contains("), (");
			assertThat(statements.get(1)).startsWith("INSERT INTO migrate_version_lock ");
			assertThat(statements.subList(2, 4)).containsExactly("SELECT version_num FROM migrate_version",
					"DELETE FROM migrate_version_lock WHERE lock_name = ? AND owner = ?");
			assertThat(recording.failed).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void versionTableCreatedAfterTheLocksFirstTryIsRead(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			// as if another instance created the table and released the lock while this one waited
			Migrator migrator = migrator(database.dataSource(), LockMode.ADVISORY, () -> execute(database,
					"CREATE TABLE migrate_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)",
					"INSERT INTO migrate_version VALUES ('b2')"));
			assertThat(migrator.upgrade("heads").steps()).isEmpty();
			assertThat(StepLog.read(database.dataSource())).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void versionTableDroppedAfterTheLocksFirstTryIsReadAsMissing(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine)) {
			StepLog.create(database.dataSource());
			migrator(database.dataSource(), LockMode.ADVISORY, () -> {
			}).upgrade("heads");
			StepLog.clear(database.dataSource());
			Migrator migrator = migrator(database.dataSource(), LockMode.ADVISORY,
					() -> execute(database, "DROP TABLE migrate_version"));
			assertThat(migrator.upgrade("heads").steps()).hasSize(2);
			assertThat(StepLog.read(database.dataSource())).containsExactly("up a1", "up b2");
		}
	}

	/** A migrator that runs {@code acquired} once it holds the lock, before it reads the heads. */
	private static Migrator migrator(DataSource dataSource, LockMode mode, Runnable acquired) {
		return Migrator.builder().dataSource(dataSource).revisions(revisions()).lockMode(mode)
			.skipUnchangedRevisions(false)
			.listener(new MigrationListener() {

				@Override
				public void lockAcquired(LockAcquired event) {
					acquired.run();
				}

			})
			.build();
	}

	private static void execute(IsolatedDatabase database, String... statements) {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Revision> revisions() {
		return List.of(StepLog.revision("a1"), StepLog.revision("b2", "a1"));
	}

	/** A recording of the statements on a database that has the step log the revisions write. */
	private static Recording recording(IsolatedDatabase database) throws SQLException {
		StepLog.create(database.dataSource());
		return new Recording(database.dataSource());
	}

	private static Migrator migrator(DataSource dataSource, RevisionSource source) {
		return Migrator.builder().dataSource(dataSource).revisions(revisions()).revisions(source).build();
	}

	/** A migrator that loads its revisions for every command: a run that takes the lock. */
	private static Migrator migrator(DataSource dataSource, LockMode mode) {
		return Migrator.builder().dataSource(dataSource).revisions(revisions()).lockMode(mode)
			.skipUnchangedRevisions(false)
			.build();
	}

	/**
	 * Revisions of no files whose fingerprint, once gated, is taken only after the migration
	 * connection executed two statements (or after ten seconds).
	 */
	static final class GatedFingerprint implements RevisionSource {

		private final Recording recording;

		volatile boolean gated;

		volatile boolean openedByReads;

		GatedFingerprint(Recording recording) {
			this.recording = recording;
		}

		@Override
		public boolean fingerprint(Fingerprint fingerprint) {
			if (this.gated) {
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
				while (this.recording.executed.get() < 2 && System.nanoTime() < deadline) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
				}
				this.openedByReads = this.recording.executed.get() >= 2;
			}
			fingerprint.add("build");
			return true;
		}

		@Override
		public Collection<Revision> load() {
			return List.of();
		}

	}

	/** Revisions of no files that cannot tell their fingerprint. */
	static final class Unfingerprinted implements RevisionSource {

		@Override
		public boolean fingerprint(Fingerprint fingerprint) {
			return false;
		}

		@Override
		public Collection<Revision> load() {
			return List.of();
		}

	}

	/**
	 * Hands out connections that record each statement they execute (and each schema or
	 * catalog lookup, which drivers answer with a query), and the statements that failed.
	 */
	static final class Recording implements DataSource {

		private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

		final List<String> statements = new ArrayList<>();

		final List<String> failed = new ArrayList<>();

		/** How many statements were executed, for a thread other than the migrating one. */
		final AtomicInteger executed = new AtomicInteger();

		private final DataSource target;

		Recording(DataSource target) {
			this.target = target;
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = this.target.getConnection();
			return proxy(Connection.class, (proxy, method, args) -> {
				String name = method.getName();
				if (name.equals("getSchema") || name.equals("getCatalog")) {
					this.statements.add(name + "()");
				}
				Object result = invoke(connection, method, args, null);
				if (name.equals("prepareStatement")) {
					String sql = (String) args[0];
					PreparedStatement statement = (PreparedStatement) result;
					return proxy(PreparedStatement.class, (p, m, a) -> invoke(statement, m, a,
							EXECUTE.contains(m.getName()) && (a == null || a.length == 0) ? sql : null));
				}
				if (name.equals("createStatement")) {
					Statement statement = (Statement) result;
					return proxy(Statement.class, (p, m, a) -> invoke(statement, m, a,
							EXECUTE.contains(m.getName()) && a != null && a.length > 0 ? (String) a[0] : null));
				}
				return result;
			});
		}

		private Object invoke(Object target, Method method, Object[] args, String sql) throws Throwable {
			if (sql != null) {
				this.statements.add(sql);
				this.executed.incrementAndGet();
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				if (sql != null) {
					this.failed.add(sql);
				}
				throw ex.getCause();
			}
		}

		@SuppressWarnings("unchecked")
		private static <T> T proxy(Class<T> type, InvocationHandler handler) {
			return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, handler);
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new SQLException("not used");
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
		public Logger getParentLogger() {
			return Logger.getGlobal();
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
