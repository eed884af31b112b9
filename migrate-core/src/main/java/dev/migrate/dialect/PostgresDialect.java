package dev.migrate.dialect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.Execute;
import dev.migrate.ops.Operation;
import dev.migrate.ops.Type;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;
import dev.migrate.sql.SqlSyntax;
import dev.migrate.sql.SqlSyntaxException;

/**
 * PostgreSQL: transactional DDL, dollar quoting, named enum types, extensions, partial,
 * expression and concurrently built indexes.
 */
class PostgresDialect extends AbstractDialect {

	/** The dialect when the server's version is not known (offline): a current server is assumed. */
	static final PostgresDialect INSTANCE = new PostgresDialect(0);

	private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
			"asymmetric", "authorization", "binary", "both", "case", "cast", "check", "collate", "collation", "column",
			"concurrently", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
			"current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
			"distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze", "from", "full",
			"grant", "group", "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
			"lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural", "not", "notnull",
			"null", "offset", "on", "only", "or", "order", "outer", "overlaps", "placing", "primary", "references",
			"returning", "right", "select", "session_user", "similar", "some", "symmetric", "system_user", "table",
			"tablesample", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose",
			"when", "where", "window", "with");

	private final int majorVersion;

	private PostgresDialect(int majorVersion) {
		this.majorVersion = majorVersion;
	}

	/** The dialect for a server of the given major version (0 when not known). */
	static PostgresDialect forVersion(int majorVersion) {
		return (majorVersion >= 12 || majorVersion <= 0) ? INSTANCE : new PostgresDialect(majorVersion);
	}

	@Override
	public String name() {
		return POSTGRESQL;
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.POSTGRESQL;
	}

	@Override
	public boolean transactionalDdl() {
		return true;
	}

	@Override
	Set<String> reservedWords() {
		return RESERVED;
	}

	/**
	 * Strings are doubled-quote escaped; one holding a backslash is written as an
	 * {@code E'...'} string with the backslashes doubled too, so that it reads the same
	 * whatever {@code standard_conforming_strings} says.
	 */
	@Override
	public String literal(String value) {
		if (value == null) {
			return "NULL";
		}
		String quoted = value.replace("'", "''");
		if (value.indexOf('\\') >= 0) {
			return "E'" + quoted.replace("\\", "\\\\") + "'";
		}
		return "'" + quoted + "'";
	}

	@Override
	String bytesLiteral(String hex) {
		return "decode('" + hex + "', 'hex')";
	}

	@Override
	public String type(Type type) {
		return switch (type.kind()) {
			case UUID -> "uuid";
			case STRING -> (type.length() != null) ? "varchar(" + type.length() + ")" : "varchar";
			case TEXT -> "text";
			case SMALLINT -> "smallint";
			case INTEGER -> "integer";
			case BIGINT -> "bigint";
			case NUMERIC -> (type.precision() != null) ? "numeric(" + type.precision() + ", " + type.scale() + ")"
					: "numeric";
			case REAL -> "real";
			case DOUBLE -> "double precision";
			case BOOLEAN -> "boolean";
			case DATE -> "date";
			case TIME -> "time";
			case TIMESTAMP -> "timestamp";
			case TIMESTAMP_TZ -> "timestamp with time zone";
			case JSON -> "json";
			case JSONB -> "jsonb";
			case BYTES -> "bytea";
			case ENUM -> quote(type.name());
			case RAW -> type.name();
		};
	}

	/**
	 * Adds {@code ALTER TYPE ... ADD VALUE} on servers before 12, which refuse it in a
	 * transaction block, and SQL given to {@code execute} holding a statement PostgreSQL
	 * never runs in one ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM},
	 * {@code CREATE DATABASE}...).
	 */
	@Override
	public boolean requiresNoTransaction(Operation operation) {
		if (super.requiresNoTransaction(operation)) {
			return true;
		}
		if (operation instanceof AddEnumValue) {
			return oldEnums();
		}
		if (operation instanceof Execute execute) {
			try {
				for (SqlStatement statement : SqlSplitter.split(execute.sql(), syntax())) {
					String sql = withoutLeadingComments(statement.sql());
					if (Statements.NO_TRANSACTION.matcher(sql).lookingAt()
							|| (oldEnums() && Statements.ADD_VALUE.matcher(sql).lookingAt())) {
						return true;
					}
				}
			}
			catch (SqlSyntaxException ex) {
				// rendering reports it
			}
		}
		return false;
	}

	private boolean oldEnums() {
		return this.majorVersion > 0 && this.majorVersion < 12;
	}

	private static String withoutLeadingComments(String sql) {
		String rest = sql.strip();
		while (true) {
			if (rest.startsWith("--")) {
				int end = rest.indexOf('\n');
				rest = (end < 0) ? "" : rest.substring(end + 1).strip();
			}
			else if (rest.startsWith("/*")) {
				int end = rest.indexOf("*/");
				rest = (end < 0) ? "" : rest.substring(end + 2).strip();
			}
			else {
				return rest;
			}
		}
	}

	@Override
	boolean supportsDeferrableConstraints() {
		return true;
	}

	@Override
	String changeType(AlterColumn alter) {
		return "TYPE " + type(alter.type()) + ((alter.using() != null) ? " USING " + alter.using() : "");
	}

	@Override
	String renameColumn(AlterColumn alter) {
		return alterTable(alter.schema(), alter.table()) + " RENAME COLUMN " + quote(alter.column()) + " TO "
				+ quote(alter.newName());
	}

	@Override
	String createIndex(CreateIndex index) {
		StringBuilder sql = new StringBuilder("CREATE ");
		if (index.unique()) {
			sql.append("UNIQUE ");
		}
		sql.append("INDEX ");
		if (index.concurrently()) {
			sql.append("CONCURRENTLY ");
		}
		if (index.ifNotExists()) {
			sql.append("IF NOT EXISTS ");
		}
		sql.append(quote(index.name())).append(" ON ").append(qualify(index.schema(), index.table()));
		if (index.using() != null) {
			sql.append(" USING ").append(quote(index.using().toLowerCase(Locale.ROOT)));
		}
		sql.append(' ').append(indexElements(index, (expression) -> "(" + expression + ")"));
		if (!index.include().isEmpty()) {
			sql.append(" INCLUDE (").append(quoteAll(index.include())).append(')');
		}
		if (index.where() != null) {
			sql.append(" WHERE ").append(index.where());
		}
		return sql.toString();
	}

	@Override
	String dropIndex(DropIndex index) {
		return "DROP INDEX " + (index.concurrently() ? "CONCURRENTLY " : "") + (index.ifExists() ? "IF EXISTS " : "")
				+ qualify(index.schema(), index.name());
	}

	@Override
	List<String> createEnum(CreateEnum create) {
		return List.of("CREATE TYPE " + qualify(create.schema(), create.name()) + " AS ENUM "
				+ enumValues(create.values()));
	}

	@Override
	List<String> dropEnum(DropEnum drop) {
		return List.of("DROP TYPE " + qualify(drop.schema(), drop.name()));
	}

	@Override
	List<String> addEnumValue(AddEnumValue add) {
		StringBuilder sql = new StringBuilder("ALTER TYPE ").append(qualify(add.schema(), add.name()))
			.append(" ADD VALUE ");
		if (add.ifNotExists()) {
			sql.append("IF NOT EXISTS ");
		}
		sql.append(literal(add.value()));
		if (add.before() != null) {
			sql.append(" BEFORE ").append(literal(add.before()));
		}
		if (add.after() != null) {
			sql.append(" AFTER ").append(literal(add.after()));
		}
		return List.of(sql.toString());
	}

	@Override
	List<String> renderOperation(Operation operation) {
		if (operation instanceof CreateExtension create) {
			return List.of("CREATE EXTENSION IF NOT EXISTS " + quote(create.name())
					+ ((create.schema() != null) ? " WITH SCHEMA " + quote(create.schema()) : ""));
		}
		if (operation instanceof DropExtension drop) {
			return List.of("DROP EXTENSION IF EXISTS " + quote(drop.name()));
		}
		return super.renderOperation(operation);
	}

	/**
	 * Picks the batch by {@code ctid}, repeating the condition so that on a partitioned table
	 * (where a {@code ctid} is unique only per partition) no row outside it is touched.
	 */
	@Override
	String limitedUpdate(String table, String set, String where, int limit) {
		return "UPDATE " + table + " SET " + set + " WHERE ctid = ANY (ARRAY(SELECT ctid FROM " + table + " WHERE "
				+ where + " LIMIT " + limit + ")) AND (" + where + ")";
	}

	@Override
	public String toString() {
		return "PostgresDialect" + ((this.majorVersion > 0) ? "(" + this.majorVersion + ")" : "");
	}

	/** Patterns of statements, compiled when an operation is first checked rather than with the dialect. */
	private static final class Statements {

		/** Statements PostgreSQL refuses inside a transaction block. */
		static final Pattern NO_TRANSACTION = Pattern.compile("(create\\s+(unique\\s+)?index\\s+concurrently"
				+ "|drop\\s+index\\s+concurrently|reindex\\b.*\\bconcurrently\\b|vacuum\\b"
				+ "|(create|drop)\\s+(database|tablespace)\\b|alter\\s+system\\b"
				+ "|alter\\s+table\\b.*\\bdetach\\s+partition\\b.*\\bconcurrently\\b)",
				Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

		static final Pattern ADD_VALUE = Pattern.compile("alter\\s+type\\b.*\\badd\\s+value\\b",
				Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

	}

}
