package dev.migrate.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import dev.migrate.MigrateException;
import dev.migrate.ops.Operation;
import dev.migrate.ops.Type;
import dev.migrate.sql.SqlSyntax;

/**
 * What migrate knows about one database: how its SQL is written and split, how identifiers
 * and literals are quoted, whether its DDL is transactional, and how operations render.
 * <p>
 * A revision reaches it through {@code op.dialect()} to branch per database, as Alembic
 * revisions test {@code op.get_context().dialect.name}:
 *
 * <pre>{@code
 * if (op.dialect().name().equals(Dialect.POSTGRESQL)) {
 *     op.createIndex("ix_orders_pending", "orders", List.of("created_at"), i -> i.where("status = 'pending'"));
 * }
 * }</pre>
 */
public interface Dialect {

	/** The {@link #name()} of the PostgreSQL dialect. */
	String POSTGRESQL = "postgresql";

	/** The {@link #name()} of the H2 dialect. */
	String H2 = "h2";

	/** The {@link #name()} of the MariaDB and MySQL dialect. */
	String MARIADB = "mariadb";

	/** A short lower-case name: {@value #POSTGRESQL}, {@value #H2} or {@value #MARIADB}. */
	String name();

	/** The lexical rules scripts are split with. */
	SqlSyntax syntax();

	/** Whether DDL statements take part in transactions (and roll back with them). */
	boolean transactionalDdl();

	/** The identifier as SQL: quoted only when it must be (reserved words, case, special characters). */
	String quote(String identifier);

	/** The value as a SQL string literal, escaped; {@code NULL} for null. */
	String literal(String value);

	/**
	 * A value as a SQL literal, escaped: {@code NULL}, a string, number, boolean, UUID,
	 * {@code java.time} value, byte array or enum (its name); an {@link dev.migrate.ops.Expression}
	 * is written as is.
	 * @throws IllegalArgumentException for a value of another kind
	 */
	String literal(Object value);

	/** A portable column type as this database spells it: {@code Type.uuid()} is {@code uuid} on PostgreSQL. */
	String type(Type type);

	/**
	 * Whether the operation cannot run inside a transaction block: an index built or dropped
	 * {@code concurrently} (refused on every database, so that a revision tried on H2 is not
	 * refused later on PostgreSQL), and {@code ALTER TYPE ... ADD VALUE} on PostgreSQL before
	 * 12. A transactional revision recording such an operation is refused before it runs.
	 */
	boolean requiresNoTransaction(Operation operation);

	/**
	 * One batch of an update that runs until no row is left: the statement updating at most
	 * {@code batchSize} rows of a table that meet a condition.
	 * @param schema the table's schema, or {@code null} for the default
	 * @param table the table's name
	 * @param set the assignments, as SQL: {@code new_column = compute_value(old_column)}
	 * @param where the condition rows still to update meet, as SQL: {@code new_column IS NULL}
	 * @param batchSize the most rows one batch updates
	 */
	String updateBatch(String schema, String table, String set, String where, int batchSize);

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

	/**
	 * The dialect of the database behind a connection, knowing the server's version where
	 * the rendering depends on it.
	 */
	static Dialect forConnection(Connection connection) {
		try {
			Dialect dialect = forProduct(connection.getMetaData().getDatabaseProductName());
			if (dialect instanceof PostgresDialect) {
				return PostgresDialect.forVersion(connection.getMetaData().getDatabaseMajorVersion());
			}
			return dialect;
		}
		catch (SQLException ex) {
			throw new MigrateException("Could not read the database product name: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The dialect for a JDBC URL such as {@code jdbc:postgresql://...}, for rendering without
	 * a connection (offline scripts); it assumes a current server version.
	 */
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
