package dev.migrate.dialect;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.Expression;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.Type;
import dev.migrate.sql.SqlSyntax;

/**
 * MariaDB 10.5+ and MySQL 8+: DDL commits implicitly, backtick identifiers, backslash
 * escapes, enums and comments written into the column, and a column changed by restating
 * its whole definition.
 */
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
		return MARIADB;
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

	/**
	 * Quotes doubled and backslashes doubled, which reads the same (or, under
	 * {@code NO_BACKSLASH_ESCAPES}, keeps every backslash as data): nothing ends the string early.
	 */
	@Override
	public String literal(String value) {
		if (value == null) {
			return "NULL";
		}
		return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
	}

	/** MariaDB has no type with a zone: an instant is written as its UTC date and time. */
	@Override
	String timestampTzLiteral(OffsetDateTime value) {
		return "TIMESTAMP '" + dateTimeText(value.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()) + "'";
	}

	@Override
	public String beginTransaction() {
		return "START TRANSACTION";
	}

	@Override
	Set<String> reservedWords() {
		return RESERVED;
	}

	@Override
	public String type(Type type) {
		return switch (type.kind()) {
			case UUID -> "CHAR(36)";
			case STRING -> {
				if (type.length() == null) {
					throw new IllegalArgumentException(
							"MariaDB needs a length for a string column: use Type.string(length) or Type.text()");
				}
				yield "VARCHAR(" + type.length() + ")";
			}
			case TEXT -> "LONGTEXT";
			case SMALLINT -> "SMALLINT";
			case INTEGER -> "INT";
			case BIGINT -> "BIGINT";
			case NUMERIC -> (type.precision() != null) ? "DECIMAL(" + type.precision() + ", " + type.scale() + ")"
					: "DECIMAL(65, 30)";
			case REAL -> "FLOAT";
			case DOUBLE -> "DOUBLE";
			case BOOLEAN -> "BOOLEAN";
			case DATE -> "DATE";
			case TIME -> "TIME(6)";
			case TIMESTAMP, TIMESTAMP_TZ -> "DATETIME(6)";
			case JSON, JSONB -> "JSON";
			case BYTES -> "LONGBLOB";
			case ENUM -> "ENUM" + enumValues(type.values());
			case RAW -> type.name();
		};
	}

	@Override
	boolean inlineComments() {
		return true;
	}

	@Override
	String tableOptions(CreateTable table) {
		return (table.comment() != null) ? " COMMENT = " + literal(table.comment()) : "";
	}

	@Override
	String identity() {
		return "AUTO_INCREMENT";
	}

	/** Expressions are parenthesized, as MariaDB wants for a default other than a literal. */
	@Override
	String defaultValue(Object value) {
		return (value instanceof Expression expression) ? "(" + expression.sql() + ")" : literal(value);
	}

	@Override
	String tableComment(String schema, String table, String comment) {
		return alterTable(schema, table) + " COMMENT = " + literal((comment != null) ? comment : "");
	}

	/** Qualifies the new name too: MariaDB would otherwise move the table into the current database. */
	@Override
	String renameTable(RenameTable rename) {
		return alterTable(rename.schema(), rename.name()) + " RENAME TO " + qualify(rename.schema(), rename.newName());
	}

	/**
	 * Changes the default alone with {@code ALTER COLUMN ... SET DEFAULT}; a change of type,
	 * nullability or comment restates the definition with {@code MODIFY COLUMN}, from the
	 * new values and the {@code existing...} ones; the rename comes last.
	 */
	@Override
	List<String> alterColumn(AlterColumn alter) {
		if (alter.using() != null) {
			throw unsupported(alter, "MariaDB converts values itself and takes no USING expression; "
					+ "branch on op.dialect().name() to leave it out here");
		}
		List<String> statements = new ArrayList<>();
		String table = alterTable(alter.schema(), alter.table());
		if (alter.type() != null || alter.nullable() != null || alter.changesComment()) {
			Type type = (alter.type() != null) ? alter.type() : alter.existingType();
			if (type == null) {
				throw unsupported(alter, "MariaDB changes a column's nullability or comment by restating its type: "
						+ "give existingType(...)");
			}
			Boolean nullable = (alter.nullable() != null) ? alter.nullable() : alter.existingNullable();
			if (nullable == null) {
				throw unsupported(alter, "MariaDB changes a column's type or comment by restating whether it is "
						+ "nullable: give existingNullable(...)");
			}
			Object serverDefault = alter.changesServerDefault() ? alter.serverDefault()
					: alter.existingServerDefault();
			String comment = alter.changesComment() ? alter.comment() : alter.existingComment();
			StringBuilder sql = new StringBuilder(table).append(" MODIFY COLUMN ")
				.append(quote(alter.column()))
				.append(' ')
				.append(type(type))
				.append(nullable ? " NULL" : " NOT NULL");
			if (serverDefault != null) {
				sql.append(" DEFAULT ").append(defaultValue(serverDefault));
			}
			if (comment != null) {
				sql.append(" COMMENT ").append(literal(comment));
			}
			statements.add(sql.toString());
		}
		else if (alter.changesServerDefault()) {
			statements.add(table + " ALTER COLUMN " + quote(alter.column())
					+ ((alter.serverDefault() != null) ? " SET DEFAULT " + defaultValue(alter.serverDefault())
							: " DROP DEFAULT"));
		}
		if (alter.newName() != null) {
			statements.add(renameColumn(alter));
		}
		return statements;
	}

	@Override
	String changeType(AlterColumn alter) {
		throw new UnsupportedOperationException("MariaDB restates the column definition");
	}

	@Override
	String renameColumn(AlterColumn alter) {
		return alterTable(alter.schema(), alter.table()) + " RENAME COLUMN " + quote(alter.column()) + " TO "
				+ quote(alter.newName());
	}

	/** Builds every index the same way: InnoDB builds indexes online anyway. */
	@Override
	String createIndex(CreateIndex index) {
		if (index.where() != null) {
			throw unsupported(index, "MariaDB has no partial indexes (where); branch on op.dialect().name() to create "
					+ "a full index or none here");
		}
		if (index.hasExpressions()) {
			throw unsupported(index, "MariaDB indexes columns only, not expressions");
		}
		if (!index.include().isEmpty()) {
			throw unsupported(index, "MariaDB has no covering indexes (include)");
		}
		String using = "";
		if (index.using() != null) {
			if (!index.using().equalsIgnoreCase("btree") && !index.using().equalsIgnoreCase("hash")) {
				throw unsupported(index, "MariaDB has no index method " + index.using() + ", only btree and hash");
			}
			using = " USING " + index.using().toUpperCase(java.util.Locale.ROOT);
		}
		return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + (index.ifNotExists() ? "IF NOT EXISTS " : "")
				+ quote(index.name()) + " ON " + qualify(index.schema(), index.table()) + " "
				+ indexElements(index, (expression) -> expression) + using;
	}

	@Override
	String dropIndex(DropIndex index) {
		return "DROP INDEX " + (index.ifExists() ? "IF EXISTS " : "") + quote(index.name()) + " ON "
				+ qualify(index.schema(), index.table());
	}

	@Override
	String dropConstraint(DropConstraint drop) {
		if (drop.type() == null) {
			throw unsupported(drop, "MariaDB drops each kind of constraint its own way: give its type, "
					+ "dropConstraint(name, table, ConstraintType.FOREIGN_KEY)");
		}
		String table = alterTable(drop.schema(), drop.table());
		return switch (drop.type()) {
			case FOREIGN_KEY -> table + " DROP FOREIGN KEY " + quote(drop.name());
			case UNIQUE -> table + " DROP INDEX " + quote(drop.name());
			case PRIMARY_KEY -> table + " DROP PRIMARY KEY";
			case CHECK -> table + " DROP CONSTRAINT " + quote(drop.name());
		};
	}

	@Override
	String limitedUpdate(String table, String set, String where, int limit) {
		return "UPDATE " + table + " SET " + set + " WHERE " + where + " LIMIT " + limit;
	}

	@Override
	public String toString() {
		return "MariaDbDialect";
	}

}
