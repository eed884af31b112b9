package dev.migrate.version;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;

/**
 * What the version store writes differently on each database: how to ask whether a table
 * exists, the column types of the history table, and the offline stand-ins for values that
 * are only known when the script runs.
 */
abstract class StoreSql {

	final Dialect dialect;

	StoreSql(Dialect dialect) {
		this.dialect = dialect;
	}

	static StoreSql of(Dialect dialect) {
		return switch (dialect.name()) {
			case "postgresql" -> new Postgres(dialect);
			case "h2" -> new H2(dialect);
			case "mariadb" -> new MariaDb(dialect);
			default -> throw new MigrateException("migrate keeps no version table on " + dialect.name()
					+ ": use PostgreSQL, H2 or MariaDB/MySQL");
		};
	}

	/**
	 * Whether the table exists in the schema, or in the connection's default schema when
	 * {@code schema} is null, as an expression another statement can carry.
	 */
	abstract Condition exists(Connection connection, String schema, String table) throws SQLException;

	/**
	 * Whether each table exists, asked in one statement.
	 * @return one answer per table, in order
	 */
	boolean[] exist(Connection connection, String schema, String... tables) throws SQLException {
		List<Condition> conditions = new ArrayList<>(tables.length);
		boolean inlinable = true;
		for (String table : tables) {
			Condition condition = exists(connection, schema, table);
			conditions.add(condition);
			inlinable &= condition.inlinable();
		}
		StringJoiner sql = new StringJoiner(", ", "SELECT ", "");
		for (Condition condition : conditions) {
			sql.add(inlinable ? condition.inline(this.dialect) : condition.sql());
		}
		// a plain statement when it can be: on a no-op start it is the connection's first, and a
		// prepared one loads and runs the driver's code for parameters for this alone (2 ms of a
		// Boot start)
		if (inlinable) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(sql.toString())) {
				return answers(result, tables.length);
			}
		}
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			int index = 1;
			for (Condition condition : conditions) {
				index = condition.bind(statement, index);
			}
			try (ResultSet result = statement.executeQuery()) {
				return answers(result, tables.length);
			}
		}
	}

	private static boolean[] answers(ResultSet result, int count) throws SQLException {
		boolean[] answers = new boolean[count];
		if (result.next()) {
			for (int i = 0; i < count; i++) {
				answers[i] = result.getBoolean(i + 1);
			}
		}
		return answers;
	}

	/**
	 * Whether a statement failed because a table it names does not exist (nor its schema):
	 * reading a version table that is not there.
	 */
	abstract boolean isMissingTable(SQLException ex);

	/** A column definition for the history table's generated key. */
	abstract String identity(String column);

	/** The type of long text columns. */
	String textType() {
		return "TEXT";
	}

	/** The type of the history's start time. */
	String timestampType() {
		return "TIMESTAMP WITH TIME ZONE";
	}

	/** {@code CREATE SCHEMA IF NOT EXISTS}, or {@code null} where a schema is not created. */
	String createSchema(String schema) {
		return "CREATE SCHEMA IF NOT EXISTS " + this.dialect.quote(schema);
	}

	void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
		statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

	Instant getTimestamp(ResultSet result, String column) throws SQLException {
		OffsetDateTime value = result.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * Whether a {@code WITH} may hold an {@code INSERT}, {@code UPDATE} or {@code DELETE}
	 * with {@code RETURNING} whose rows the main statement inserts elsewhere.
	 */
	boolean writesInWith() {
		return false;
	}

	/** The SQL expression an offline history row takes its time from. */
	String nowExpression() {
		return "CURRENT_TIMESTAMP";
	}

	/** The SQL expression an offline history row takes its {@code installed_by} from. */
	abstract String installedByExpression();

	/** PostgreSQL: {@code to_regclass} resolves the name as queries do, through the search path. */
	static final class Postgres extends StoreSql {

		Postgres(Dialect dialect) {
			super(dialect);
		}

		@Override
		Condition exists(Connection connection, String schema, String table) {
			String name = (schema != null) ? this.dialect.quote(schema) + "." + this.dialect.quote(table)
					: this.dialect.quote(table);
			return new Condition("(to_regclass(?) IS NOT NULL)", List.of(name));
		}

		@Override
		boolean writesInWith() {
			return true;
		}

		/** {@code undefined_table}, also when the schema is missing. */
		@Override
		boolean isMissingTable(SQLException ex) {
			return "42P01".equals(ex.getSQLState());
		}

		@Override
		String identity(String column) {
			return column + " BIGINT GENERATED BY DEFAULT AS IDENTITY";
		}

		@Override
		String installedByExpression() {
			return "session_user || '@' || coalesce(host(inet_client_addr()), 'localhost')";
		}

	}

	/** H2: the information schema, with names folded as the database folds unquoted identifiers. */
	static final class H2 extends StoreSql {

		H2(Dialect dialect) {
			super(dialect);
		}

		@Override
		Condition exists(Connection connection, String schema, String table) throws SQLException {
			return new Condition("(SELECT COUNT(*) > 0 FROM INFORMATION_SCHEMA.TABLES"
					+ " WHERE TABLE_SCHEMA = COALESCE(?, CURRENT_SCHEMA) AND TABLE_NAME = ?)",
					Arrays.asList((schema != null) ? fold(connection, schema) : null, fold(connection, table)));
		}

		/** H2's error codes: table not found (plain, with candidates, in an empty database), schema not found. */
		@Override
		boolean isMissingTable(SQLException ex) {
			int code = ex.getErrorCode();
			return code == 42102 || code == 42103 || code == 42104 || code == 90079;
		}

		private String fold(Connection connection, String name) throws SQLException {
			if (!this.dialect.quote(name).equals(name)) {
				return name;
			}
			if (connection.getMetaData().storesUpperCaseIdentifiers()) {
				return name.toUpperCase(Locale.ROOT);
			}
			if (connection.getMetaData().storesLowerCaseIdentifiers()) {
				return name.toLowerCase(Locale.ROOT);
			}
			return name;
		}

		@Override
		String identity(String column) {
			return column + " BIGINT GENERATED BY DEFAULT AS IDENTITY";
		}

		@Override
		String textType() {
			return "CHARACTER VARYING";
		}

		@Override
		String installedByExpression() {
			return "CURRENT_USER || '@localhost'";
		}

	}

	/** MariaDB and MySQL: a schema is a database; times are kept in UTC. */
	static final class MariaDb extends StoreSql {

		MariaDb(Dialect dialect) {
			super(dialect);
		}

		@Override
		Condition exists(Connection connection, String schema, String table) {
			return new Condition("(SELECT COUNT(*) > 0 FROM information_schema.tables"
					+ " WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?)", Arrays.asList(schema, table));
		}

		/** {@code ER_NO_SUCH_TABLE}, also for a database that does not exist. */
		@Override
		boolean isMissingTable(SQLException ex) {
			return "42S02".equals(ex.getSQLState());
		}

		@Override
		String identity(String column) {
			return column + " BIGINT NOT NULL AUTO_INCREMENT";
		}

		@Override
		String timestampType() {
			return "DATETIME(6)";
		}

		@Override
		String createSchema(String schema) {
			return "CREATE DATABASE IF NOT EXISTS " + this.dialect.quote(schema);
		}

		@Override
		void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
			statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
		}

		@Override
		Instant getTimestamp(ResultSet result, String column) throws SQLException {
			LocalDateTime value = result.getObject(column, LocalDateTime.class);
			return (value != null) ? value.toInstant(ZoneOffset.UTC) : null;
		}

		@Override
		String nowExpression() {
			return "UTC_TIMESTAMP(6)";
		}

		@Override
		String installedByExpression() {
			return "CURRENT_USER()";
		}

	}

}
