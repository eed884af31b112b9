package dev.migrate.sql;

import java.util.List;
import java.util.Objects;

/**
 * Splits a SQL script into its statements. A statement ends at a delimiter ({@code ;}, or
 * what a MySQL {@code DELIMITER} directive sets) outside any string, quoted identifier,
 * dollar-quoted body, comment and, for PostgreSQL, outside parentheses and
 * {@code BEGIN ATOMIC ... END} function bodies. Statements holding only comments are
 * dropped. One pass, linear in the script's length.
 * <p>
 * For example {@code split("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
 * SELECT f();")} gives two statements.
 */
public final class SqlSplitter {

	private SqlSplitter() {
	}

	/**
	 * Splits a script with PostgreSQL's rules.
	 * @param script the SQL text
	 * @return its statements in order
	 * @throws SqlSyntaxException if a string, identifier, dollar-quoted body, comment,
	 * parenthesis or function body is never closed
	 */
	public static List<SqlStatement> split(String script) {
		return split(script, SqlSyntax.POSTGRESQL);
	}

	/**
	 * Splits a script with the rules of the given syntax.
	 * @param script the SQL text
	 * @param syntax the lexical rules to apply
	 * @return its statements in order
	 * @throws SqlSyntaxException if a string, identifier, dollar-quoted body, comment,
	 * parenthesis or function body is never closed, or a {@code DELIMITER} directive is
	 * malformed
	 */
	public static List<SqlStatement> split(String script, SqlSyntax syntax) {
		Objects.requireNonNull(script, "script must not be null");
		Objects.requireNonNull(syntax, "syntax must not be null");
		return new StatementScanner(script, syntax).scan();
	}

}
