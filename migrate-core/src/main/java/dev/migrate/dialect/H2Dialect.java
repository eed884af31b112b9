package dev.migrate.dialect;

import java.util.Set;

import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.Type;
import dev.migrate.sql.SqlSyntax;

/**
 * H2 2.x, the embedded default: transactional DML, DDL that commits, enums written into
 * the column. Unquoted names are upper-cased by H2, so a plain lower-case name stays
 * unquoted and means the same table as in hand-written SQL.
 */
class H2Dialect extends AbstractDialect {

	static final H2Dialect INSTANCE = new H2Dialect();

	private static final Set<String> RESERVED = Set.of("all", "and", "any", "array", "as", "asymmetric",
			"authorization", "between", "both", "case", "cast", "check", "constraint", "cross", "current_catalog",
			"current_date", "current_path", "current_role", "current_schema", "current_time", "current_timestamp",
			"current_user", "day", "default", "distinct", "else", "end", "except", "exists", "false", "fetch", "for",
			"foreign", "from", "full", "group", "groups", "having", "hour", "if", "ilike", "in", "inner", "intersect",
			"interval", "is", "join", "key", "leading", "left", "like", "limit", "localtime", "localtimestamp", "minus",
			"minute", "month", "natural", "not", "null", "offset", "on", "or", "order", "over", "partition", "primary",
			"qualify", "range", "regexp", "right", "row", "rownum", "rows", "second", "select", "session_user", "set",
			"some", "symmetric", "system_user", "table", "to", "top", "trailing", "true", "uescape", "union", "unique",
			"unknown", "user", "using", "value", "values", "when", "where", "window", "with", "year", "_rowid_");

	@Override
	public String name() {
		return H2;
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.H2;
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	Set<String> reservedWords() {
		return RESERVED;
	}

	/** Whether the identifier is written without quotes when not reserved: {@code [a-z_][a-z0-9_]*}. */
	@Override
	boolean isPlain(String identifier) {
		return isPlain(identifier, false);
	}

	@Override
	public String type(Type type) {
		return switch (type.kind()) {
			case UUID -> "UUID";
			case STRING -> (type.length() != null) ? "CHARACTER VARYING(" + type.length() + ")" : "CHARACTER VARYING";
			case TEXT -> "CHARACTER VARYING";
			case SMALLINT -> "SMALLINT";
			case INTEGER -> "INTEGER";
			case BIGINT -> "BIGINT";
			case NUMERIC -> (type.precision() != null) ? "NUMERIC(" + type.precision() + ", " + type.scale() + ")"
					: "NUMERIC";
			case REAL -> "REAL";
			case DOUBLE -> "DOUBLE PRECISION";
			case BOOLEAN -> "BOOLEAN";
			case DATE -> "DATE";
			case TIME -> "TIME";
			case TIMESTAMP -> "TIMESTAMP";
			case TIMESTAMP_TZ -> "TIMESTAMP WITH TIME ZONE";
			case JSON, JSONB -> "JSON";
			case BYTES -> "BINARY VARYING";
			case ENUM -> "ENUM" + enumValues(type.values());
			case RAW -> type.name();
		};
	}

	@Override
	String changeType(AlterColumn alter) {
		if (alter.using() != null) {
			throw unsupported(alter, "H2 converts values itself and takes no USING expression; "
					+ "branch on op.dialect().name() to leave it out here");
		}
		return "SET DATA TYPE " + type(alter.type());
	}

	@Override
	String renameColumn(AlterColumn alter) {
		return alterTable(alter.schema(), alter.table()) + " ALTER COLUMN " + quote(alter.column()) + " RENAME TO "
				+ quote(alter.newName());
	}

	/** Builds every index the same way: {@code concurrently} has nothing to avoid here. */
	@Override
	String createIndex(CreateIndex index) {
		if (index.where() != null) {
			throw unsupported(index, "H2 has no partial indexes (where); branch on op.dialect().name() to create "
					+ "a full index or none here");
		}
		if (index.hasExpressions()) {
			throw unsupported(index, "H2 indexes columns only, not expressions");
		}
		if (!index.include().isEmpty()) {
			throw unsupported(index, "H2 has no covering indexes (include)");
		}
		if (index.using() != null && !index.using().equalsIgnoreCase("btree")) {
			throw unsupported(index, "H2 has no index method " + index.using());
		}
		return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (index.ifNotExists() ? "IF NOT EXISTS " : "")
				+ quote(index.name()) + " ON " + qualify(index.schema(), index.table()) + " "
				+ indexElements(index, (expression) -> expression);
	}

	@Override
	String dropIndex(DropIndex index) {
		return "DROP INDEX " + (index.ifExists() ? "IF EXISTS " : "") + qualify(index.schema(), index.name());
	}

	@Override
	String limitedUpdate(String table, String set, String where, int limit) {
		return "UPDATE " + table + " SET " + set + " WHERE " + where + " FETCH FIRST " + limit + " ROWS ONLY";
	}

	@Override
	public String toString() {
		return "H2Dialect";
	}

}
