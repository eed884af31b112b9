package dev.migrate.dialect;

import java.util.Set;

import dev.migrate.sql.SqlSyntax;

/** MariaDB and MySQL: DDL commits implicitly, backtick identifiers, backslash escapes. */
class MariaDbDialect extends AbstractDialect {

	static final MariaDbDialect INSTANCE = new MariaDbDialect();

	private static final Set<String> RESERVED = Set.of("add", "all", "alter", "analyze", "and", "as", "asc", "before",
			"between", "both", "by", "call", "cascade", "case", "change", "check", "collate", "column", "condition",
			"constraint", "continue", "convert", "create", "cross", "current_date", "current_time", "current_timestamp",
			"current_user", "cursor", "database", "databases", "default", "delayed", "delete", "desc", "describe",
			"distinct", "div", "drop", "dual", "each", "else", "elseif", "exists", "explain", "false", "fetch", "for",
			"force", "foreign", "from", "fulltext", "grant", "group", "having", "if", "ignore", "in", "index", "inner",
			"insert", "interval", "into", "is", "join", "key", "keys", "kill", "leading", "leave", "left", "like", "limit",
			"lines", "load", "lock", "long", "loop", "match", "mod", "natural", "not", "null", "on", "option", "or",
			"order", "out", "outer", "primary", "procedure", "range", "read", "references", "regexp", "rename",
			"repeat", "replace", "require", "restrict", "return", "revoke", "right", "rlike", "schema", "select", "set",
			"show", "sql", "table", "then", "to", "trailing", "trigger", "true", "union", "unique", "unlock", "update",
			"usage", "use", "using", "values", "when", "where", "while", "with", "write", "xor");

	@Override
	public String name() {
		return "mariadb";
	}

	@Override
	public SqlSyntax syntax() {
		return SqlSyntax.MYSQL;
	}

	@Override
	public boolean transactionalDdl() {
		return false;
	}

	@Override
	char identifierQuote() {
		return '`';
	}

	@Override
	public String literal(String value) {
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	@Override
	public String beginTransaction() {
		return "START TRANSACTION";
	}

	@Override
	Set<String> reservedWords() {
		return RESERVED;
	}

}
