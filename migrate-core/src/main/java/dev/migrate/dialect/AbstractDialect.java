package dev.migrate.dialect;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.MigrateException;
import dev.migrate.ops.Execute;
import dev.migrate.ops.Operation;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;

/** The rendering shared by every dialect; subclasses add what differs. */
abstract class AbstractDialect implements Dialect {

	private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

	/** Reserved words that must be quoted as identifiers in this database (lower case). */
	abstract Set<String> reservedWords();

	/** The character that quotes identifiers. */
	char identifierQuote() {
		return '"';
	}

	@Override
	public String quote(String identifier) {
		if (PLAIN.matcher(identifier).matches() && !reservedWords().contains(identifier)) {
			return identifier;
		}
		String quote = String.valueOf(identifierQuote());
		return quote + identifier.replace(quote, quote + quote) + quote;
	}

	@Override
	public String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	@Override
	public List<String> render(Operation operation) {
		if (operation instanceof Execute execute) {
			return SqlSplitter.split(execute.sql(), syntax()).stream().map(SqlStatement::sql).toList();
		}
		throw new MigrateException("The " + name() + " dialect cannot render " + operation);
	}

}
