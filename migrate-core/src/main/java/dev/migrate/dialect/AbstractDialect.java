package dev.migrate.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.migrate.ops.AddColumn;
import dev.migrate.ops.AddConstraint;
import dev.migrate.ops.AddEnumValue;
import dev.migrate.ops.AlterColumn;
import dev.migrate.ops.BulkInsert;
import dev.migrate.ops.CheckConstraint;
import dev.migrate.ops.Column;
import dev.migrate.ops.Constraint;
import dev.migrate.ops.CreateEnum;
import dev.migrate.ops.CreateExtension;
import dev.migrate.ops.CreateIndex;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.CreateTableComment;
import dev.migrate.ops.DropColumn;
import dev.migrate.ops.DropConstraint;
import dev.migrate.ops.DropEnum;
import dev.migrate.ops.DropExtension;
import dev.migrate.ops.DropIndex;
import dev.migrate.ops.DropTable;
import dev.migrate.ops.DropTableComment;
import dev.migrate.ops.Execute;
import dev.migrate.ops.Expression;
import dev.migrate.ops.ForeignKeyConstraint;
import dev.migrate.ops.Operation;
import dev.migrate.ops.PrimaryKeyConstraint;
import dev.migrate.ops.RenameTable;
import dev.migrate.ops.UniqueConstraint;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;

/**
 * The rendering shared by every dialect, written in the SQL that PostgreSQL, H2 and MariaDB
 * agree on; subclasses override what differs. Every identifier goes through
 * {@link #quote(String)} and every value through {@link #literal(Object)}.
 */
abstract class AbstractDialect implements Dialect {

	/** How many rows one {@code INSERT} of a bulk insert carries. */
	static final int ROWS_PER_INSERT = 500;

	/** Reserved words that must be quoted as identifiers in this database (lower case). */
	abstract Set<String> reservedWords();

	/** The character that quotes identifiers. */
	char identifierQuote() {
		return '"';
	}

	/** Whether the identifier is written without quotes when not reserved: {@code [a-z_][a-z0-9_$]*}. */
	boolean isPlain(String identifier) {
		return isPlain(identifier, true);
	}

	/** Whether the identifier matches {@code [a-z_][a-z0-9_]*}, with {@code $} too after the first character if allowed. */
	static boolean isPlain(String identifier, boolean dollar) {
		for (int i = 0; i < identifier.length(); i++) {
			char c = identifier.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || c == '_'
					|| (i > 0 && ((c >= '0' && c <= '9') || (dollar && c == '$')));
			if (!plain) {
				return false;
			}
		}
		return !identifier.isEmpty();
	}

	@Override
	public String quote(String identifier) {
		if (identifier == null || identifier.isEmpty()) {
			throw new IllegalArgumentException("An identifier must not be null or empty");
		}
		if (identifier.indexOf('\0') >= 0) {
			throw new IllegalArgumentException("An identifier must not contain a NUL character");
		}
		if (isPlain(identifier) && !reservedWords().contains(identifier)) {
			return identifier;
		}
		String quote = String.valueOf(identifierQuote());
		return quote + identifier.replace(quote, quote + quote) + quote;
	}

	/** A table, index or type name, qualified by its schema when it has one. */
	String qualify(String schema, String name) {
		return (schema != null) ? quote(schema) + "." + quote(name) : quote(name);
	}

	String quoteAll(List<String> identifiers) {
		return identifiers.stream().map(this::quote).collect(Collectors.joining(", "));
	}

	@Override
	public String literal(String value) {
		return (value != null) ? "'" + value.replace("'", "''") + "'" : "NULL";
	}

	@Override
	public String literal(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Expression expression) {
			return expression.sql();
		}
		if (value instanceof String string) {
			if (string.indexOf('\0') >= 0) {
				throw new IllegalArgumentException("A string literal must not contain a NUL character");
			}
			return literal(string);
		}
		if (value instanceof Character || value instanceof UUID) {
			return literal(value.toString());
		}
		if (value instanceof Enum<?> constant) {
			return literal(constant.name());
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger) {
			return value.toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.toPlainString();
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new IllegalArgumentException(value + " has no SQL literal: only finite numbers do");
			}
			return value.toString();
		}
		if (value instanceof LocalDate date) {
			return "DATE '" + date + "'";
		}
		if (value instanceof LocalTime time) {
			return "TIME '" + Formats.TIME.format(time) + "'";
		}
		if (value instanceof LocalDateTime dateTime) {
			return "TIMESTAMP '" + Formats.DATE_TIME.format(dateTime) + "'";
		}
		if (value instanceof OffsetDateTime dateTime) {
			return timestampTzLiteral(dateTime);
		}
		if (value instanceof ZonedDateTime dateTime) {
			return timestampTzLiteral(dateTime.toOffsetDateTime());
		}
		if (value instanceof Instant instant) {
			return timestampTzLiteral(instant.atOffset(ZoneOffset.UTC));
		}
		if (value instanceof byte[] bytes) {
			return bytesLiteral(HexFormat.of().formatHex(bytes));
		}
		throw new IllegalArgumentException("A " + value.getClass().getName() + " has no SQL literal: use a String, "
				+ "number, Boolean, UUID, java.time value, byte[], enum or Expression.sql(...)");
	}

	/** An instant with its offset as a literal. */
	String timestampTzLiteral(OffsetDateTime value) {
		return "TIMESTAMP WITH TIME ZONE '" + Formats.DATE_TIME_OFFSET.format(value) + "'";
	}

	/** A local date and time as the text of a literal: {@code 2024-01-15 10:30:00.5}. */
	static String dateTimeText(LocalDateTime value) {
		return Formats.DATE_TIME.format(value);
	}

	/** Binary data given in hexadecimal digits as a literal. */
	String bytesLiteral(String hex) {
		return "X'" + hex + "'";
	}

	@Override
	public boolean requiresNoTransaction(Operation operation) {
		return (operation instanceof CreateIndex index && index.concurrently())
				|| (operation instanceof DropIndex drop && drop.concurrently());
	}

	@Override
	public List<String> render(Operation operation) {
		try {
			return renderOperation(operation);
		}
		catch (IllegalArgumentException ex) {
			throw unsupported(operation, ex.getMessage());
		}
	}

	/** Renders an operation; an {@link IllegalArgumentException} becomes a {@link DialectException} naming it. */
	List<String> renderOperation(Operation operation) {
		if (operation instanceof Execute execute) {
			return SqlSplitter.split(execute.sql(), syntax()).stream().map(SqlStatement::sql).toList();
		}
		if (operation instanceof CreateTable createTable) {
			return createTable(createTable);
		}
		if (operation instanceof DropTable dropTable) {
			return List.of("DROP TABLE " + (dropTable.ifExists() ? "IF EXISTS " : "")
					+ qualify(dropTable.schema(), dropTable.name()));
		}
		if (operation instanceof RenameTable renameTable) {
			return List.of(renameTable(renameTable));
		}
		if (operation instanceof AddColumn addColumn) {
			return addColumn(addColumn);
		}
		if (operation instanceof DropColumn dropColumn) {
			return List.of(alterTable(dropColumn.schema(), dropColumn.table()) + " DROP COLUMN "
					+ quote(dropColumn.column()));
		}
		if (operation instanceof AlterColumn alterColumn) {
			return alterColumn(alterColumn);
		}
		if (operation instanceof CreateIndex createIndex) {
			return List.of(createIndex(createIndex));
		}
		if (operation instanceof DropIndex dropIndex) {
			return List.of(dropIndex(dropIndex));
		}
		if (operation instanceof AddConstraint addConstraint) {
			return List.of(alterTable(addConstraint.schema(), addConstraint.table()) + " ADD "
					+ constraint(addConstraint.constraint(), addConstraint));
		}
		if (operation instanceof DropConstraint dropConstraint) {
			return List.of(dropConstraint(dropConstraint));
		}
		if (operation instanceof CreateTableComment comment) {
			return List.of(tableComment(comment.schema(), comment.table(), comment.comment()));
		}
		if (operation instanceof DropTableComment comment) {
			return List.of(tableComment(comment.schema(), comment.table(), null));
		}
		if (operation instanceof BulkInsert bulkInsert) {
			return bulkInsert(bulkInsert);
		}
		if (operation instanceof CreateEnum createEnum) {
			return createEnum(createEnum);
		}
		if (operation instanceof DropEnum dropEnum) {
			return dropEnum(dropEnum);
		}
		if (operation instanceof AddEnumValue addEnumValue) {
			return addEnumValue(addEnumValue);
		}
		if (operation instanceof CreateExtension || operation instanceof DropExtension) {
			throw unsupported(operation, "extensions are PostgreSQL's; branch on op.dialect().name() to skip it here");
		}
		throw unsupported(operation, "it is not an operation this dialect knows");
	}

	/** An exception for an operation this dialect cannot express. */
	DialectException unsupported(Operation operation, String reason) {
		return new DialectException(name(), operation, reason);
	}

	String alterTable(String schema, String table) {
		return "ALTER TABLE " + qualify(schema, table);
	}

	List<String> createTable(CreateTable table) {
		List<String> definitions = new ArrayList<>();
		for (Column column : table.columns()) {
			definitions.add(column(column, false, table));
		}
		List<String> columnKey = table.columns().stream().filter(Column::primaryKey).map(Column::name).toList();
		if (!columnKey.isEmpty()) {
			definitions.add("PRIMARY KEY (" + quoteAll(columnKey) + ")");
		}
		for (Constraint constraint : table.constraints()) {
			definitions.add(constraint(constraint, table));
		}
		List<String> statements = new ArrayList<>();
		statements.add("CREATE TABLE " + (table.ifNotExists() ? "IF NOT EXISTS " : "")
				+ qualify(table.schema(), table.name()) + " (\n\t" + String.join(",\n\t", definitions) + "\n)"
				+ tableOptions(table));
		if (!inlineComments()) {
			if (table.comment() != null) {
				statements.add(tableComment(table.schema(), table.name(), table.comment()));
			}
			for (Column column : table.columns()) {
				if (column.comment() != null) {
					statements.add(columnComment(table.schema(), table.name(), column.name(), column.comment()));
				}
			}
		}
		return statements;
	}

	/** What follows the column list of a {@code CREATE TABLE}. */
	String tableOptions(CreateTable table) {
		return "";
	}

	/** Whether comments are written into the table and column definitions rather than by {@code COMMENT ON}. */
	boolean inlineComments() {
		return false;
	}

	/** A column definition, as {@code CREATE TABLE} and {@code ADD COLUMN} write it. */
	String column(Column column, boolean inlinePrimaryKey, Operation operation) {
		StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type(column.type()));
		if (column.identity()) {
			sql.append(' ').append(identity());
		}
		if (column.serverDefault() != null) {
			sql.append(" DEFAULT ").append(defaultValue(column.serverDefault()));
		}
		if (!column.nullable()) {
			sql.append(" NOT NULL");
		}
		if (column.unique()) {
			sql.append(" UNIQUE");
		}
		if (inlinePrimaryKey && column.primaryKey()) {
			sql.append(" PRIMARY KEY");
		}
		if (inlineComments() && column.comment() != null) {
			sql.append(" COMMENT ").append(literal(column.comment()));
		}
		return sql.toString();
	}

	/** The clause making a column an identity column. */
	String identity() {
		return "GENERATED BY DEFAULT AS IDENTITY";
	}

	/** A server default's value. */
	String defaultValue(Object value) {
		return literal(value);
	}

	/** A constraint as {@code CREATE TABLE} and {@code ALTER TABLE ... ADD} write it. */
	String constraint(Constraint constraint, Operation operation) {
		String name = (constraint.name() != null) ? "CONSTRAINT " + quote(constraint.name()) + " " : "";
		if (constraint instanceof PrimaryKeyConstraint key) {
			return name + "PRIMARY KEY (" + quoteAll(key.columns()) + ")";
		}
		if (constraint instanceof UniqueConstraint unique) {
			return name + "UNIQUE (" + quoteAll(unique.columns()) + ")";
		}
		if (constraint instanceof CheckConstraint check) {
			return name + "CHECK (" + check.condition() + ")";
		}
		ForeignKeyConstraint key = (ForeignKeyConstraint) constraint;
		StringBuilder sql = new StringBuilder(name).append("FOREIGN KEY (")
			.append(quoteAll(key.columns()))
			.append(") REFERENCES ")
			.append(qualify(key.referentSchema(), key.referentTable()))
			.append(" (")
			.append(quoteAll(key.referentColumns()))
			.append(')');
		if (key.onDelete() != null) {
			sql.append(" ON DELETE ").append(key.onDelete().sql());
		}
		if (key.onUpdate() != null) {
			sql.append(" ON UPDATE ").append(key.onUpdate().sql());
		}
		if (key.deferrable()) {
			if (!supportsDeferrableConstraints()) {
				throw unsupported(operation, name() + " has no deferrable constraints");
			}
			sql.append(key.initiallyDeferred() ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE");
		}
		return sql.toString();
	}

	boolean supportsDeferrableConstraints() {
		return false;
	}

	String renameTable(RenameTable rename) {
		return alterTable(rename.schema(), rename.name()) + " RENAME TO " + quote(rename.newName());
	}

	List<String> addColumn(AddColumn add) {
		List<String> statements = new ArrayList<>();
		statements.add(alterTable(add.schema(), add.table()) + " ADD COLUMN " + column(add.column(), true, add));
		if (!inlineComments() && add.column().comment() != null) {
			statements.add(columnComment(add.schema(), add.table(), add.column().name(), add.column().comment()));
		}
		return statements;
	}

	/**
	 * Alters a column the SQL-standard way, one statement per change: the type (dropping a
	 * default that is replaced first, so the old default need not convert), nullability,
	 * default, comment, and the rename last.
	 */
	List<String> alterColumn(AlterColumn alter) {
		List<String> statements = new ArrayList<>();
		String column = alterTable(alter.schema(), alter.table()) + " ALTER COLUMN " + quote(alter.column());
		if (alter.type() != null) {
			if (alter.changesServerDefault()) {
				statements.add(column + " DROP DEFAULT");
			}
			statements.add(column + " " + changeType(alter));
		}
		if (alter.nullable() != null) {
			statements.add(column + (alter.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
		}
		if (alter.serverDefault() != null) {
			statements.add(column + " SET DEFAULT " + defaultValue(alter.serverDefault()));
		}
		else if (alter.dropServerDefault() && alter.type() == null) {
			statements.add(column + " DROP DEFAULT");
		}
		if (alter.changesComment()) {
			statements.add(columnComment(alter.schema(), alter.table(), alter.column(), alter.comment()));
		}
		if (alter.newName() != null) {
			statements.add(renameColumn(alter));
		}
		return statements;
	}

	/** The clause after {@code ALTER COLUMN name} that changes the type. */
	abstract String changeType(AlterColumn alter);

	/** The statement renaming a column. */
	abstract String renameColumn(AlterColumn alter);

	String columnComment(String schema, String table, String column, String comment) {
		return "COMMENT ON COLUMN " + qualify(schema, table) + "." + quote(column) + " IS "
				+ ((comment != null) ? literal(comment) : "NULL");
	}

	/** The statement setting a table's comment, or removing it when {@code comment} is null. */
	String tableComment(String schema, String table, String comment) {
		return "COMMENT ON TABLE " + qualify(schema, table) + " IS " + ((comment != null) ? literal(comment) : "NULL");
	}

	abstract String createIndex(CreateIndex index);

	abstract String dropIndex(DropIndex index);

	/** The keys of an index: {@code (a, b DESC)}. */
	String indexElements(CreateIndex index, Function<String, String> expression) {
		return index.elements().stream().map((element) -> {
			String key = (element.column() != null) ? quote(element.column()) : expression.apply(element.expression());
			return element.descending() ? key + " DESC" : key;
		}).collect(Collectors.joining(", ", "(", ")"));
	}

	String dropConstraint(DropConstraint drop) {
		return alterTable(drop.schema(), drop.table()) + " DROP CONSTRAINT " + quote(drop.name());
	}

	List<String> bulkInsert(BulkInsert insert) {
		List<String> statements = new ArrayList<>();
		String into = "INSERT INTO " + qualify(insert.schema(), insert.table()) + " (" + quoteAll(insert.columns())
				+ ") VALUES";
		List<List<Object>> rows = insert.rows();
		for (int start = 0; start < rows.size(); start += ROWS_PER_INSERT) {
			String values = rows.subList(start, Math.min(rows.size(), start + ROWS_PER_INSERT))
				.stream()
				.map((row) -> row.stream().map(this::literal).collect(Collectors.joining(", ", "(", ")")))
				.collect(Collectors.joining(",\n\t", "\n\t", ""));
			statements.add(into + values);
		}
		return statements;
	}

	/** Enum types are written into each column by default: creating one does nothing. */
	List<String> createEnum(CreateEnum create) {
		return List.of();
	}

	/** Enum types are written into each column by default: dropping one does nothing. */
	List<String> dropEnum(DropEnum drop) {
		return List.of();
	}

	List<String> addEnumValue(AddEnumValue add) {
		throw unsupported(add, "enum types are written into each column here: change the columns that use it with "
				+ "alterColumn(table, column, c -> c.type(Type.enumType(...)))");
	}

	/** The values of an inline {@code ENUM('a', 'b')} type. */
	String enumValues(List<String> values) {
		return values.stream().map(this::literal).collect(Collectors.joining(", ", "(", ")"));
	}

	@Override
	public String updateBatch(String schema, String table, String set, String where, int batchSize) {
		if (set == null || set.isBlank() || where == null || where.isBlank()) {
			throw new IllegalArgumentException("A batched update of " + table
					+ " needs the assignments and the condition that rows still to update meet; the update runs "
					+ "until no row meets it");
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("The batch size of an update of " + table + " must be 1 or more, was "
					+ batchSize);
		}
		return limitedUpdate(qualify(schema, table), set, where, batchSize);
	}

	/** An {@code UPDATE} of at most {@code limit} rows meeting a condition. */
	abstract String limitedUpdate(String table, String set, String where, int limit);

	/** The formats of time literals, built when a literal first needs one rather than with every dialect. */
	private static final class Formats {

		static final DateTimeFormatter TIME = new DateTimeFormatterBuilder().appendPattern("HH:mm:ss")
			.appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
			.toFormatter();

		static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
			.append(DateTimeFormatter.ISO_LOCAL_DATE)
			.appendLiteral(' ')
			.append(TIME)
			.toFormatter();

		static final DateTimeFormatter DATE_TIME_OFFSET = new DateTimeFormatterBuilder().append(DATE_TIME)
			.appendOffset("+HH:MM", "+00:00")
			.toFormatter();

	}

}
