package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.migrate.MigrateException;
import dev.migrate.ops.Operation;
import dev.migrate.sql.SqlSyntax;

/**
 * What migrate knows about one database: how its SQL is written and split, how identifiers
 * and literals are quoted, whether its DDL is transactional, and how operations render.
 */
public interface Dialect {

	/** A short lower-case name: {@code postgresql}, {@code h2}, {@code mariadb}. */
	String name();

	/** The lexical rules scripts are split with. */
	SqlSyntax syntax();

	/** Whether DDL statements take part in transactions (and roll back with them). */
	boolean transactionalDdl();

	/** The identifier as SQL: quoted only when it must be (reserved words, case, special characters). */
	String quote(String identifier);

	/** The value as a SQL string literal, escaped. */
	String literal(String value);

	/** The statement that opens a transaction in an offline script. */
	default String beginTransaction() {
		return "BEGIN";
	}

	/** The statement that commits a transaction in an offline script. */
	default String commitTransaction() {
		return "COMMIT";
	}

	/**
	 * Renders an operation to the statements that perform it, in order.
	 * @throws MigrateException naming the operation and this dialect when it cannot be expressed
	 */
	List<String> render(Operation operation);

	/** The dialect of the database behind a connection. */
	static Dialect forConnection(Connection connection) {
		try {
			return forProduct(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the database product name: " + ex.getMessage(), ex);
		}
	}

	/** The dialect for a JDBC URL such as {@code jdbc:postgresql://...}. */
	static Dialect forUrl(String url) {
		String lower = url.toLowerCase(Locale.ROOT);
		if (lower.startsWith("jdbc:postgresql:")) {
			return PostgresDialect.INSTANCE;
		}
		if (lower.startsWith("jdbc:h2:")) {
			return H2Dialect.INSTANCE;
		}
		if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
			return MariaDbDialect.INSTANCE;
		}
		throw new MigrateException("No dialect for " + url + ": migrate supports PostgreSQL, H2 and MariaDB/MySQL");
	}

	/** The dialect for a database product name as JDBC metadata reports it. */
	static Dialect forProduct(String productName) {
		String lower = productName.toLowerCase(Locale.ROOT);
		if (lower.contains("postgres")) {
			return PostgresDialect.INSTANCE;
		}
		if (lower.equals("h2")) {
			return H2Dialect.INSTANCE;
		}
		if (lower.contains("mariadb") || lower.contains("mysql")) {
			return MariaDbDialect.INSTANCE;
		}
		throw new MigrateException("No dialect for database '" + productName
				+ "': migrate supports PostgreSQL, H2 and MariaDB/MySQL");
	}

}
