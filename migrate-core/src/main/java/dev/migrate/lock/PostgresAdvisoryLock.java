package dev.migrate.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session advisory lock held on the migration connection:
 * {@code pg_try_advisory_lock(key)} polled, {@code pg_advisory_unlock(key)} on release. The
 * database frees it when the session ends, so a crashed process leaves nothing behind, and
 * no transaction stays open for it, so non-transactional statements ({@code CREATE INDEX
 * CONCURRENTLY}) do not wait on the lock's own transaction.
 */
final class PostgresAdvisoryLock extends PollingLock {

	private static final Logger logger = LoggerFactory.getLogger(PostgresAdvisoryLock.class);

	private static final String HOLDER = "SELECT a.pid, a.usename, a.application_name, host(a.client_addr),"
			+ " a.backend_start, a.state, a.query FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
			+ " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
			+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
			+ " AND l.classid::bigint = ? AND l.objid::bigint = ? ORDER BY a.backend_start LIMIT 1";

	private final Connection connection;

	private final long key;

	private final String name;

	private Integer holderPid;

	PostgresAdvisoryLock(Connection connection, long key, String name) {
		this.connection = connection;
		this.key = key;
		this.name = name;
	}

	long key() {
		return this.key;
	}

	@Override
	boolean tryAcquire() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	@Override
	void unlock() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next() || !result.getBoolean(1)) {
					logger.warn("The migration lock ({}) was not held by this session when released", description());
				}
			}
		}
	}

	@Override
	String holder() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(HOLDER)) {
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					this.holderPid = null;
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
		return "PostgreSQL advisory lock " + this.key + " on " + this.name;
	}

}
