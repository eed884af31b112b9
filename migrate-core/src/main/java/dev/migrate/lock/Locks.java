package dev.migrate.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

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
	 * The lock of one run. A session lock is created without asking the database anything:
	 * its first try computes its key or name on the server, with what else that statement can
	 * carry (see the lock classes).
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
			if (mode == LockMode.ADVISORY && dialect.name().equals(Dialect.POSTGRESQL)) {
				// the driver knows the server's version from the connection's start
				int major = connection.getMetaData().getDatabaseMajorVersion();
				if (major < 11) {
					return PostgresAdvisoryLock.keyedHere(connection, scope(dialect, connection, tables), tables.table(),
							store.versionTableExists(connection), false);
				}
				return new PostgresAdvisoryLock(connection, tables.schema(), tables.table(),
						store.versionTableExists(connection), major >= 14);
			}
			if (mode == LockMode.ADVISORY && dialect.name().equals(Dialect.MARIADB)) {
				return new MariaDbNamedLock(connection, tables.schema(), tables.table(),
						store.versionTableExists(connection));
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
		String scope = dialect.name().equals(Dialect.MARIADB) ? connection.getCatalog() : connection.getSchema();
		return (scope != null) ? scope : "";
	}

	/**
	 * A table lease of the given duration, its lock table created (with the schema) if
	 * missing. Whether the lock table and the version table exist is asked in one statement.
	 */
	static TableLease lease(Connection connection, DataSource dataSource, Dialect dialect, VersionStore store,
			Duration lease, Clock clock) throws SQLException {
		VersionTables tables = store.tables();
		String name = scope(dialect, connection, tables) + "." + tables.table();
		boolean[] exist = store.tablesExist(connection, tables.lockTable(), tables.table());
		TableLease result = new TableLease(connection, dataSource, dialect, tables.qualified(dialect, tables.lockTable()),
				name, lease, clock, exist[1]);
		if (!exist[0]) {
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
