package dev.migrate.version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.info.HistoryEntry;
import dev.migrate.revision.VersionChange;

/**
 * The version table and the history table of one database.
 *
 * <p>The version table keeps one row per head the database is at, exactly as Alembic keeps
 * {@code alembic_version}: {@code version_num varchar(32) not null}, primary key
 * {@code <table>_pkc}. The history table keeps one row per executed step. Reading never
 * creates anything; {@link #createVersionTable} and {@link #createHistoryTable} create a
 * table when it is missing. Online methods run on the connection they are given, in its
 * current transaction; the {@code ...Script} methods render the same changes as SQL text
 * for offline scripts.
 *
 * <p>Internal to the engine; not an API for applications.
 */
public final class VersionStore {

	private static final Logger logger = LoggerFactory.getLogger(VersionStore.class);

	/** How many fingerprints the fingerprint table keeps: those of the builds deployed last. */
	static final int FINGERPRINTS_KEPT = 10;

	private static final String HISTORY_COLUMNS = "revision, operation, from_heads, to_heads, message, checksum,"
			+ " installed_by, started_at, duration_ms, success";

	private final Dialect dialect;

	private final VersionTables tables;

	private final StoreSql sql;

	private final String versionTable;

	private final String historyTable;

	private final String fingerprintTable;

	/**
	 * A store for the tables of one schema.
	 * @param dialect the database's dialect
	 * @param tables the tables' names and schema
	 * @throws MigrateException if the dialect is not one migrate keeps a version table on
	 */
	public VersionStore(Dialect dialect, VersionTables tables) {
		this.dialect = dialect;
		this.tables = tables;
		this.sql = StoreSql.of(dialect);
		this.versionTable = tables.qualified(dialect, tables.table());
		this.historyTable = tables.qualified(dialect, tables.historyTable());
		this.fingerprintTable = tables.qualified(dialect, tables.fingerprintTable());
	}

	/** The tables this store keeps. */
	public VersionTables tables() {
		return this.tables;
	}

	/** The version table as SQL. */
	public String versionTable() {
		return this.versionTable;
	}

	/** The history table as SQL. */
	public String historyTable() {
		return this.historyTable;
	}

	/** Whether the version table exists. */
	public boolean exists(Connection connection) {
		return tableExists(connection, this.tables.table());
	}

	/** Whether the history table exists. */
	public boolean historyExists(Connection connection) {
		return tableExists(connection, this.tables.historyTable());
	}

	/** Whether a table of this store's schema exists. */
	public boolean tableExists(Connection connection, String table) {
		try {
			return this.sql.exist(connection, this.tables.schema(), table)[0];
		}
		catch (SQLException ex) {
			throw failure("Could not check whether table " + this.tables.qualified(this.dialect, table) + " exists", ex);
		}
	}

	/**
	 * Whether each of some tables of this store's schema exists, asked in one statement.
	 * @return one answer per table, in order
	 */
	public boolean[] tablesExist(Connection connection, String... tables) {
		try {
			return this.sql.exist(connection, this.tables.schema(), tables);
		}
		catch (SQLException ex) {
			List<String> names = new ArrayList<>(tables.length);
			for (String table : tables) {
				names.add(this.tables.qualified(this.dialect, table));
			}
			throw failure("Could not check whether tables " + String.join(", ", names) + " exist", ex);
		}
	}

	/**
	 * Whether the version table exists, as an expression for another statement to carry: the
	 * migration lock asks it in the statement that first tries the lock.
	 */
	public Condition versionTableExists(Connection connection) {
		try {
			return this.sql.exists(connection, this.tables.schema(), this.tables.table());
		}
		catch (SQLException ex) {
			throw failure("Could not prepare the check whether " + this.versionTable + " exists", ex);
		}
	}

	/** The heads recorded in the version table, or none when it does not exist. Creates nothing. */
	public List<String> heads(Connection connection) {
		return exists(connection) ? readHeads(connection) : List.of();
	}

	/**
	 * The heads recorded in the version table, or {@code null} when it does not exist; for a
	 * run that holds the migration lock, so that what it reads is what no other run changes.
	 * @param seen whether the table was seen to exist before the lock was held (a hint, since
	 * another run may have created it since): then its rows are read at once, in one
	 * statement, and a failure because it is missing means it is; otherwise its existence is
	 * asked first, so that no statement fails (and no error is logged by the server) on the
	 * first run of a database
	 */
	public List<String> headsIfExists(Connection connection, boolean seen) {
		if (!seen) {
			return exists(connection) ? readHeads(connection) : null;
		}
		try {
			return select(connection);
		}
		catch (SQLException ex) {
			if (this.sql.isMissingTable(ex)) {
				return null;
			}
			throw failure("Could not read the version table " + this.versionTable, ex);
		}
	}

	/**
	 * The version table's rows and the heads recorded for each fingerprint, read without the
	 * migration lock: whether both tables exist in one statement, then, when they do, every
	 * version row paired with every recorded fingerprint in another. The pairs are few (the
	 * table keeps {@value #FINGERPRINTS_KEPT} fingerprints), and a join without a condition is
	 * the cheapest read on a new connection: the server plans it without looking up an
	 * operator or an index, and no collations meet; fingerprints are matched by the caller,
	 * exactly. Creates nothing, and no statement fails on a database that has neither table. A
	 * failure to read them (a user who may not read the fingerprint table, say) is logged and
	 * read as nothing recorded: the run then loads the revisions and reads the version table
	 * under the lock, as any run does.
	 */
	public VersionRows recordedRows(Connection connection) {
		try {
			boolean[] exist = this.sql.exist(connection, this.tables.schema(), this.tables.table(),
					this.tables.fingerprintTable());
			if (!exist[0] || !exist[1]) {
				return VersionRows.NONE;
			}
			Set<String> heads = new LinkedHashSet<>();
			Map<String, List<String>> recorded = new HashMap<>();
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery("SELECT v.version_num, f.fingerprint, f.heads FROM "
							+ this.versionTable + " v CROSS JOIN " + this.fingerprintTable + " f")) {
				while (result.next()) {
					heads.add(result.getString(1)); // a version row comes once per fingerprint
					String at = result.getString(3);
					if (at != null) { // a table of another shape
						recorded.putIfAbsent(result.getString(2), List.of(at.split(" ")));
					}
				}
			}
			return new VersionRows(List.copyOf(heads), Collections.unmodifiableMap(recorded));
		}
		catch (SQLException ex) {
			logger.info("Could not read the heads recorded in {} ({}; SQLState {}): loading the revisions",
					this.fingerprintTable, ex.getMessage(), ex.getSQLState());
			return VersionRows.NONE;
		}
	}

	/**
	 * Records that a run loaded revisions of this fingerprint and left the database at their
	 * heads, creating the fingerprint table if it is missing; keeps the
	 * {@value #FINGERPRINTS_KEPT} newest fingerprints. A failure (a user who may not create
	 * tables, for instance) is logged, not thrown: the next run loads the revisions again.
	 * @param heads the revisions' heads, in the graph's order
	 */
	public void recordFingerprint(Connection connection, String fingerprint, List<String> heads) {
		String step = "create";
		try (Statement statement = connection.createStatement()) {
			// asked first: CREATE ... IF NOT EXISTS needs the right to create even when it exists
			if (!this.sql.exist(connection, this.tables.schema(), this.tables.fingerprintTable())[0]) {
				statement.execute("CREATE TABLE IF NOT EXISTS " + this.fingerprintTable
						+ " (fingerprint VARCHAR(64) NOT NULL, heads " + this.sql.textType() + " NOT NULL, recorded_at "
						+ this.sql.timestampType() + " NOT NULL, CONSTRAINT "
						+ this.dialect.quote(this.tables.fingerprintTable() + "_pk") + " PRIMARY KEY (fingerprint))");
			}
			step = "write";
			update(connection, "DELETE FROM " + this.fingerprintTable + " WHERE fingerprint = ?", fingerprint);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.fingerprintTable
					+ " (fingerprint, heads, recorded_at) VALUES (?, ?, ?)")) {
				insert.setString(1, fingerprint);
				insert.setString(2, String.join(" ", heads));
				this.sql.setTimestamp(insert, 3, Instant.now());
				insert.executeUpdate();
			}
			List<String> older = new ArrayList<>();
			try (ResultSet result = statement.executeQuery("SELECT fingerprint FROM " + this.fingerprintTable
					+ " ORDER BY recorded_at DESC")) {
				for (int row = 0; result.next(); row++) {
					if (row >= FINGERPRINTS_KEPT) {
						older.add(result.getString(1));
					}
				}
			}
			for (String old : older) {
				update(connection, "DELETE FROM " + this.fingerprintTable + " WHERE fingerprint = ?", old);
			}
		}
		catch (SQLException ex) {
			logger.info("Could not {} the revisions' fingerprint in {} ({}; SQLState {}): the next upgrade loads the"
					+ " revisions again", step, this.fingerprintTable, ex.getMessage(), ex.getSQLState());
		}
	}

	/** The heads recorded in the version table, which must exist. */
	public List<String> readHeads(Connection connection) {
		try {
			return select(connection);
		}
		catch (SQLException ex) {
			throw failure("Could not read the version table " + this.versionTable, ex);
		}
	}

	private List<String> select(Connection connection) throws SQLException {
		List<String> heads = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT version_num FROM " + this.versionTable)) {
			while (result.next()) {
				heads.add(result.getString(1));
			}
		}
		return heads;
	}

	/**
	 * Creates the schema (when one is set) and the version table, if the version table is
	 * missing.
	 * @return whether the table was created
	 */
	public boolean createVersionTable(Connection connection) {
		if (exists(connection)) {
			return false;
		}
		List<String> statements = new ArrayList<>();
		if (this.tables.schema() != null) {
			statements.add(this.sql.createSchema(this.tables.schema()));
		}
		statements.add(versionTableDdl(""));
		return execute(connection, statements, this.versionTable);
	}

	/** Creates the schema unless it exists, when one is set. */
	public void createSchema(Connection connection) {
		if (this.tables.schema() == null) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(this.sql.createSchema(this.tables.schema()));
		}
		catch (SQLException ex) {
			throw failure("Could not create schema " + this.tables.schema(), ex);
		}
	}

	/**
	 * Creates the history table if it is missing.
	 * @return whether the table was created
	 */
	public boolean createHistoryTable(Connection connection) {
		if (historyExists(connection)) {
			return false;
		}
		return execute(connection, List.of(historyTableDdl("")), this.historyTable);
	}

	private boolean execute(Connection connection, List<String> statements, String table) {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				statement.execute(sql);
			}
			return true;
		}
		catch (SQLException ex) {
			// another session may have created it first
			if (tableExists(connection, table.equals(this.versionTable) ? this.tables.table()
					: this.tables.historyTable())) {
				return false;
			}
			throw failure("Could not create table " + table + " (check that the user may create tables"
					+ ((this.tables.schema() != null) ? " in schema " + this.tables.schema() : "") + ")", ex);
		}
	}

	private String versionTableDdl(String ifNotExists) {
		return "CREATE TABLE " + ifNotExists + this.versionTable + " (version_num VARCHAR(32) NOT NULL, CONSTRAINT "
				+ this.dialect.quote(this.tables.table() + "_pkc") + " PRIMARY KEY (version_num))";
	}

	private String historyTableDdl(String ifNotExists) {
		String text = this.sql.textType();
		return "CREATE TABLE " + ifNotExists + this.historyTable + " (" + this.sql.identity("id") + ", revision VARCHAR(32),"
				+ " operation VARCHAR(16) NOT NULL, from_heads " + text + " NOT NULL, to_heads " + text + " NOT NULL,"
				+ " message " + text + ", checksum VARCHAR(128), installed_by VARCHAR(255) NOT NULL, started_at "
				+ this.sql.timestampType() + " NOT NULL, duration_ms BIGINT, success BOOLEAN NOT NULL, CONSTRAINT "
				+ this.dialect.quote(this.tables.historyTable() + "_pk") + " PRIMARY KEY (id))";
	}

	/**
	 * Applies a step's changes to the version rows. Each update and delete must match exactly
	 * one row, and an insert must not find its row already there.
	 * @throws MigrateException naming the row and the table otherwise
	 */
	public void apply(Connection connection, List<VersionChange> changes) {
		for (VersionChange change : changes) {
			int rows;
			try {
				rows = update(connection, changeSql(change), changeValues(change));
			}
			catch (SQLException ex) {
				if (change.kind() == VersionChange.Kind.INSERT && ex.getSQLState() != null
						&& ex.getSQLState().startsWith("23")) {
					throw alreadyHeld(change.to(), ex);
				}
				throw failure("Could not " + change + " in the version table " + this.versionTable, ex);
			}
			if (change.kind() != VersionChange.Kind.INSERT) {
				expectOne(change, rows);
			}
		}
	}

	/** The statement of a change to the version rows, its values as {@link #changeValues} gives them. */
	private String changeSql(VersionChange change) {
		return switch (change.kind()) {
			case INSERT -> "INSERT INTO " + this.versionTable + " (version_num) VALUES (?)";
			case UPDATE -> "UPDATE " + this.versionTable + " SET version_num = ? WHERE version_num = ?";
			case DELETE -> "DELETE FROM " + this.versionTable + " WHERE version_num = ?";
		};
	}

	private static String[] changeValues(VersionChange change) {
		return switch (change.kind()) {
			case INSERT -> new String[] { change.to() };
			case UPDATE -> new String[] { change.to(), change.from() };
			case DELETE -> new String[] { change.from() };
		};
	}

	private MigrateException alreadyHeld(String revision, SQLException ex) {
		return new MigrateException("Cannot insert version " + revision + " into " + this.versionTable
				+ ": the table already holds it. Another process changed the version table outside the"
				+ " migration lock; check it with 'migrate current'", ex);
	}

	private static int update(Connection connection, String sql, String... values) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setString(i + 1, values[i]);
			}
			return statement.executeUpdate();
		}
	}

	private void expectOne(VersionChange change, int rows) {
		if (rows != 1) {
			String what = (change.kind() == VersionChange.Kind.UPDATE)
					? "Updating version " + change.from() + " to " + change.to()
					: "Deleting version " + change.from();
			throw new MigrateException(what + " in " + this.versionTable + " matched " + rows
					+ " rows; it was expected to match one row. The version table no longer holds what this run"
					+ " read under the lock: another process changed it. Check it with 'migrate current', and"
					+ " 'migrate stamp' it if it is wrong");
		}
	}

	/** Appends a row to the history table. */
	public void append(Connection connection, HistoryRecord record) {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.historyTable + " ("
				+ HISTORY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			bindHistory(statement, 1, record);
			statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failure("Could not write to the history table " + this.historyTable, ex);
		}
	}

	/**
	 * Applies a step's changes to the version rows and appends its history row, as
	 * {@link #apply} then {@link #append} do. Where the database can do both in one statement
	 * (PostgreSQL's data-modifying {@code WITH}) and the step changes one row, as most steps
	 * do, they take one round trip instead of two: the history row is inserted once for each
	 * version row changed, so the count checks the change as {@link #apply} does.
	 * @throws MigrateException naming the row and the table when a change does not match
	 * exactly one row, or the table when a write fails
	 */
	public void record(Connection connection, List<VersionChange> changes, HistoryRecord record) {
		if (changes.size() == 1 && this.sql.writesInWith()) {
			recordInOneStatement(connection, changes.get(0), record);
		}
		else {
			apply(connection, changes);
			append(connection, record);
		}
	}

	private void recordInOneStatement(Connection connection, VersionChange change, HistoryRecord record) {
		String[] values = changeValues(change);
		int rows;
		try (PreparedStatement statement = connection.prepareStatement("WITH changed AS (" + changeSql(change)
				+ " RETURNING version_num) INSERT INTO " + this.historyTable + " (" + HISTORY_COLUMNS
				+ ") SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM changed")) {
			for (int i = 0; i < values.length; i++) {
				statement.setString(i + 1, values[i]);
			}
			bindHistory(statement, values.length + 1, record);
			rows = statement.executeUpdate();
		}
		catch (SQLException ex) {
			if (change.kind() == VersionChange.Kind.INSERT && ex.getSQLState() != null
					&& ex.getSQLState().startsWith("23") && String.valueOf(ex.getMessage())
						.contains(this.tables.table() + "_pkc")) {
				// the version table's key, not a key of the history table
				throw alreadyHeld(change.to(), ex);
			}
			throw failure("Could not " + change + " in the version table " + this.versionTable
					+ " and write to the history table " + this.historyTable, ex);
		}
		if (change.kind() != VersionChange.Kind.INSERT) {
			expectOne(change, rows);
		}
	}

	/** Binds a history row's ten columns, in {@link #HISTORY_COLUMNS} order, from {@code first} on. */
	private void bindHistory(PreparedStatement statement, int first, HistoryRecord record) throws SQLException {
		statement.setString(first, record.revision());
		statement.setString(first + 1, record.operation());
		statement.setString(first + 2, String.join(",", record.fromHeads()));
		statement.setString(first + 3, String.join(",", record.toHeads()));
		statement.setString(first + 4, record.message());
		statement.setString(first + 5, record.checksum());
		statement.setString(first + 6, record.installedBy());
		this.sql.setTimestamp(statement, first + 7, record.startedAt());
		if (record.durationMs() != null) {
			statement.setLong(first + 8, record.durationMs());
		}
		else {
			statement.setNull(first + 8, Types.BIGINT);
		}
		statement.setBoolean(first + 9, record.success());
	}

	/** The rows of the history table, oldest first; none when it does not exist. Creates nothing. */
	public List<HistoryEntry> history(Connection connection) {
		return historyExists(connection) ? readHistory(connection) : List.of();
	}

	/** The rows of the history table, which must exist, oldest first. */
	public List<HistoryEntry> readHistory(Connection connection) {
		List<HistoryEntry> entries = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(
						"SELECT id, " + HISTORY_COLUMNS + " FROM " + this.historyTable + " ORDER BY id")) {
			while (result.next()) {
				long duration = result.getLong("duration_ms");
				Duration measured = result.wasNull() ? null : Duration.ofMillis(duration);
				entries.add(new HistoryEntry(result.getLong("id"), result.getString("revision"),
						result.getString("operation"), split(result.getString("from_heads")),
						split(result.getString("to_heads")), result.getString("message"), result.getString("checksum"),
						result.getString("installed_by"), this.sql.getTimestamp(result, "started_at"), measured,
						result.getBoolean("success")));
			}
		}
		catch (SQLException ex) {
			throw failure("Could not read the history table " + this.historyTable, ex);
		}
		return entries;
	}

	private static List<String> split(String heads) {
		if (heads == null || heads.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(heads.split(",")).map(String::strip).filter((head) -> !head.isEmpty()).toList();
	}

	// ---------------------------------------------------------------- offline

	/** The statements that create the schema and both tables unless they exist, for offline scripts. */
	public List<String> createScript() {
		List<String> statements = new ArrayList<>();
		if (this.tables.schema() != null) {
			statements.add(this.sql.createSchema(this.tables.schema()));
		}
		statements.add(versionTableDdl("IF NOT EXISTS "));
		statements.add(historyTableDdl("IF NOT EXISTS "));
		return statements;
	}

	/** A step's version-row changes as statements with literal values. */
	public List<String> changeScript(List<VersionChange> changes) {
		List<String> statements = new ArrayList<>(changes.size());
		for (VersionChange change : changes) {
			statements.add(switch (change.kind()) {
				case INSERT -> "INSERT INTO " + this.versionTable + " (version_num) VALUES ("
						+ this.dialect.literal(change.to()) + ")";
				case UPDATE -> "UPDATE " + this.versionTable + " SET version_num = " + this.dialect.literal(change.to())
						+ " WHERE version_num = " + this.dialect.literal(change.from());
				case DELETE -> "DELETE FROM " + this.versionTable + " WHERE version_num = "
						+ this.dialect.literal(change.from());
			});
		}
		return statements;
	}

	/**
	 * A history row as an {@code INSERT} with literal values; the user, the time and the
	 * duration are left to the database when the record does not carry them.
	 */
	public String historyScript(HistoryRecord record) {
		return "INSERT INTO " + this.historyTable + " (" + HISTORY_COLUMNS + ") VALUES (" + literal(record.revision())
				+ ", " + literal(record.operation()) + ", " + literal(String.join(",", record.fromHeads())) + ", "
				+ literal(String.join(",", record.toHeads())) + ", " + literal(record.message()) + ", "
				+ literal(record.checksum()) + ", "
				+ ((record.installedBy() != null) ? literal(record.installedBy()) : this.sql.installedByExpression())
				+ ", " + this.sql.nowExpression() + ", "
				+ ((record.durationMs() != null) ? record.durationMs().toString() : "NULL") + ", "
				+ (record.success() ? "TRUE" : "FALSE") + ")";
	}

	private String literal(String value) {
		return (value != null) ? this.dialect.literal(value) : "NULL";
	}

	private static MigrateException failure(String message, SQLException ex) {
		return new MigrateException(message + ": " + ex.getMessage() + " [SQLState " + ex.getSQLState() + "]", ex);
	}

}
