package dev.migrate.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.version.Condition;

/**
 * A PostgreSQL session advisory lock held on the migration connection:
 * {@code pg_try_advisory_lock(key)} polled, {@code pg_advisory_unlock(key)} on release. The
 * database frees it when the session ends, so a crashed process leaves nothing behind, and
 * no transaction stays open for it, so non-transactional statements ({@code CREATE INDEX
 * CONCURRENTLY}) do not wait on the lock's own transaction.
 *
 * <p>The first try is one statement that also computes the key, asks whether the version
 * table exists (a hint for reading the heads, see {@link MigrationLock#versionTableSeen()})
 * and, on PostgreSQL 14 and later, sets {@code client_connection_check_interval} to one
 * second, so that the server checks the client's socket during long statements: a process
 * killed inside a revision loses its session, its transaction and this lock within a second,
 * not when the running statement ends. The release puts the setting back in the statement
 * that unlocks. A no-op run makes three round trips: this statement, reading the heads, and
 * the release.
 */
final class PostgresAdvisoryLock extends PollingLock {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	/**
	 * The key and the schema it is computed from, as one row ({@code scope}, {@code key}),
	 * parameters the table and the configured schema (or null). The key is the first eight
	 * bytes of the SHA-256 of {@code schema.table} in UTF-8, read as a big-endian signed
	 * 64-bit integer, where schema is the configured one, else the connection's current
	 * schema ({@code ''} when it has none): {@code public.migrate_version} gives
	 * {@value #PUBLIC_MIGRATE_VERSION}. The server computes it ({@code sha256()}, PostgreSQL
	 * 11 and later), so the client needs no round trip for the schema name and no digest of
	 * its own; every instance, of this version or an earlier one, computes the same key for
	 * the same tables, so they exclude each other during a rolling deploy.
	 */
	private static final String SERVER_KEY = "SELECT s.scope, ('x' || left(encode(sha256(convert_to(s.scope || '.' || ?,"
			+ " 'UTF8')), 'hex'), 16))::bit(64)::bigint AS key FROM (SELECT coalesce(?, current_schema(), '') AS scope) s";

	/** The same row with the key computed by the client ({@link LockKeys}), before PostgreSQL 11. */
	private static final String CLIENT_KEY = "SELECT CAST(? AS text) AS scope, CAST(? AS bigint) AS key";

	/** The key of {@code public.migrate_version}, as documented above. */
	static final long PUBLIC_MIGRATE_VERSION = 1176820722565730916L;

	private static final String CHECK_INTERVAL = "client_connection_check_interval";

	private static final String HOLDER = "SELECT a.pid, a.usename, a.application_name, host(a.client_addr),"
			+ " a.backend_start, a.state, a.query FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
			+ " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
			+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
			+ " AND l.classid::bigint = ? AND l.objid::bigint = ? ORDER BY a.backend_start LIMIT 1";

	private final Connection connection;

	private final String schema;

	private final String table;

	private final Long clientKey;

	private final Condition versionTable;

	private final boolean watchClient;

	private Long key;

	private String scope;

	private boolean versionTableSeen;

	private String previousCheckInterval;

	private Integer holderPid;

	/**
	 * A lock whose key the server computes.
	 * @param schema the configured schema, or {@code null} for the connection's current one
	 * @param table the version table
	 * @param versionTable asks whether the version table exists
	 * @param watchClient whether to set {@code client_connection_check_interval} while the
	 * lock is held (PostgreSQL 14 and later)
	 */
	PostgresAdvisoryLock(Connection connection, String schema, String table, Condition versionTable,
			boolean watchClient) {
		this(connection, schema, table, null, versionTable, watchClient);
	}

	private PostgresAdvisoryLock(Connection connection, String schema, String table, Long clientKey,
			Condition versionTable, boolean watchClient) {
		this.connection = connection;
		this.schema = schema;
		this.table = table;
		this.clientKey = clientKey;
		this.versionTable = versionTable;
		this.watchClient = watchClient;
	}

	/**
	 * A lock whose key is computed here, for servers without {@code sha256()} (before
	 * PostgreSQL 11): the same key, from the schema the connection resolved.
	 * @param scope the configured schema, else the connection's current one ({@code ''} for none)
	 */
	static PostgresAdvisoryLock keyedHere(Connection connection, String scope, String table, Condition versionTable,
			boolean watchClient) {
		return new PostgresAdvisoryLock(connection, scope, table, LockKeys.sha256(scope + "." + table), versionTable,
				watchClient);
	}

	/** The key, once the first try has computed it; {@code null} before. */
	Long key() {
		return this.key;
	}

	@Override
	public boolean versionTableSeen() {
		return this.versionTableSeen;
	}

	@Override
	boolean tryAcquire() throws SQLException {
		if (this.key == null) {
			return firstTry();
		}
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	/**
	 * The key, the version table hint, the current check interval and the lock in one
	 * statement. The inner query is fenced ({@code OFFSET 0}) so that it is read before the
	 * outer one sets the interval.
	 */
	private boolean firstTry() throws SQLException {
		StringBuilder sql = new StringBuilder("SELECT pg_try_advisory_lock(k.key), k.key, k.scope, k.seen");
		if (this.watchClient) {
			sql.append(", k.previous, set_config('" + CHECK_INTERVAL + "', '1s', false)");
		}
		sql.append(" FROM (SELECT n.scope, n.key, ").append(this.versionTable.sql()).append(" AS seen");
		if (this.watchClient) {
			sql.append(", current_setting('" + CHECK_INTERVAL + "') AS previous");
		}
		sql.append(" FROM (").append((this.clientKey != null) ? CLIENT_KEY : SERVER_KEY).append(") n OFFSET 0) k");
		try (PreparedStatement statement = this.connection.prepareStatement(sql.toString())) {
			int next = this.versionTable.bind(statement, 1);
			if (this.clientKey != null) {
				statement.setString(next, this.schema);
				statement.setLong(next + 1, this.clientKey);
			}
			else {
				statement.setString(next, this.table);
				statement.setString(next + 1, this.schema);
			}
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					throw new SQLException("The statement that tries the migration lock returned no row");
				}
				this.key = result.getLong(2);
				this.scope = result.getString(3);
				this.versionTableSeen = result.getBoolean(4);
				if (this.watchClient) {
					this.previousCheckInterval = result.getString(5);
				}
				return result.getBoolean(1);
			}
		}
	}

	@Override
	void unlock() throws SQLException {
		boolean restore = this.previousCheckInterval != null;
		try (PreparedStatement statement = this.connection.prepareStatement((restore)
				? "SELECT pg_advisory_unlock(?), set_config('" + CHECK_INTERVAL + "', ?, false)"
				: "SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			if (restore) {
				statement.setString(2, this.previousCheckInterval);
			}
			try (ResultSet result = statement.executeQuery()) {
				this.previousCheckInterval = null;
				if (!result.next() || !result.getBoolean(1)) {
					logger.warn("The migration lock ({}) was not held by this session when released", description());
				}
			}
		}
	}

	/** Puts the check interval back when the lock was not acquired (the release does it otherwise). */
	@Override
	void abandon() {
		if (this.previousCheckInterval == null) {
			return;
		}
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT set_config('" + CHECK_INTERVAL + "', ?, false)")) {
			statement.setString(1, this.previousCheckInterval);
			statement.executeQuery().close();
			this.previousCheckInterval = null;
		}
		catch (SQLException ex) {
			logger.debug("Could not put " + CHECK_INTERVAL + " back", ex);
		}
	}

	@Override
	String holder() throws SQLException {
		this.holderPid = null;
		if (this.key == null) {
			return null;
		}
		try (PreparedStatement statement = this.connection.prepareStatement(HOLDER)) {
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				this.holderPid = result.getInt(1);
				StringBuilder holder = new StringBuilder("PostgreSQL backend pid ").append(this.holderPid);
				holder.append(" (user ").append(result.getString(2));
				String application = result.getString(3);
				if (application != null && !application.isEmpty()) {
					holder.append(", application '").append(application).append('\'');
				}
				String client = result.getString(4);
				holder.append(", client ").append((client != null) ? client : "local socket");
				OffsetDateTime since = result.getObject(5, OffsetDateTime.class);
				if (since != null) {
					holder.append(", connected since ").append(since);
				}
				holder.append(", state ").append(result.getString(6));
				String query = result.getString(7);
				if (query != null && !query.isBlank()) {
					holder.append(", last query '").append(trim(query, 200)).append('\'');
				}
				return holder.append(')').toString();
			}
		}
	}

	@Override
	String advice(String holder) {
		if (this.holderPid != null) {
			return "Wait for that migration to finish, or, if the session is stuck, end it with SELECT"
					+ " pg_terminate_backend(" + this.holderPid + ")";
		}
		return "Wait for the other migration to finish";
	}

	@Override
	public String description() {
		if (this.key == null) {
			return "PostgreSQL advisory lock on " + ((this.schema != null) ? this.schema + "." : "") + this.table;
		}
		return "PostgreSQL advisory lock " + this.key + " on " + this.scope + "." + this.table;
	}

}
