package dev.migrate.dialect;

import java.util.Set;

import dev.migrate.sql.SqlSyntax;

/** H2, the embedded default: transactional DML, DDL that commits. */
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
			"unknown", "user", "using", "value", "values", "when", "where", "window", "with", "year");

	@Override
	public String name() {
		return "h2";
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

}
