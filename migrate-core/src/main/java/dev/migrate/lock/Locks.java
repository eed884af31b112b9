package dev.migrate.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import dev.migrate.LockMode;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.version.VersionStore;
import dev.migrate.version.VersionTables;

/**
 * Creates the migration lock that suits a database and a {@link LockMode}: a session lock
 * where the database has one (PostgreSQL advisory lock, MariaDB/MySQL {@code GET_LOCK}), a
 * table lease otherwise (H2) or when {@link LockMode#TABLE} asks for it.
 *
 * <p>Internal to the engine; not an API for applications.
 */
public final class Locks {

	private Locks() {
	}

	/**
	 * The lock of one run.
	 * @param mode the configured lock mode
	 * @param dialect the database's dialect
	 * @param connection the migration connection, in autocommit; the lock is held on it
	 * @param dataSource where a table lease takes the connections that renew it
	 * @param store the version store, whose schema and table name the lock is keyed on
	 * @return the lock, not yet acquired
	 */
	public static MigrationLock create(LockMode mode, Dialect dialect, Connection connection, DataSource dataSource,
			VersionStore store) {
		VersionTables tables = store.tables();
		try {
			String name = scope(dialect, connection, tables) + "." + tables.table();
			if (mode == LockMode.ADVISORY && dialect.name().equals("postgresql")) {
				return new PostgresAdvisoryLock(connection, key(name), name);
			}
			if (mode == LockMode.ADVISORY && dialect.name().equals("mariadb")) {
				String lockName = "migrate:" + name;
				if (lockName.length() > 64) {
					lockName = "migrate:" + HexFormat.of().toHexDigits(key(name));
				}
				return new MariaDbNamedLock(connection, lockName);
			}
			return lease(connection, dataSource, dialect, store, TableLease.DEFAULT_LEASE, Clock.systemUTC());
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not prepare the migration lock: " + ex.getMessage() + " [SQLState "
					+ ex.getSQLState() + "]", ex);
		}
	}

	/** The schema (or MariaDB database) the tables live in, as the connection resolves it when none is set. */
	private static String scope(Dialect dialect, Connection connection, VersionTables tables) throws SQLException {
		if (tables.schema() != null) {
			return tables.schema();
		}
		String scope = dialect.name().equals("mariadb") ? connection.getCatalog() : connection.getSchema();
		return (scope != null) ? scope : "";
	}

	/** A stable 64-bit key: the first eight bytes of the SHA-256 of the name. */
	static long key(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			long key = 0;
			for (int i = 0; i < 8; i++) {
				key = (key << 8) | (digest[i] & 0xFF);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/** A table lease of the given duration, its lock table created (with the schema) if missing. */
	static TableLease lease(Connection connection, DataSource dataSource, Dialect dialect, VersionStore store,
			Duration lease, Clock clock) throws SQLException {
		VersionTables tables = store.tables();
		String name = scope(dialect, connection, tables) + "." + tables.table();
		TableLease result = new TableLease(connection, dataSource, dialect, tables.qualified(dialect, tables.lockTable()),
				name, lease, clock);
		if (!store.tableExists(connection, tables.lockTable())) {
			store.createSchema(connection);
			try {
				result.createTable();
			}
			catch (SQLException ex) {
				// a run racing this one may have created it first
				if (!store.tableExists(connection, tables.lockTable())) {
					throw ex;
				}
			}
		}
		return result;
	}

}
