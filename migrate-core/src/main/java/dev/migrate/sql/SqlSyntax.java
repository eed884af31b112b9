package dev.migrate.sql;

/**
 * The lexical rules a script is split with: how strings, identifiers, comments and
 * statement delimiters are written in one database's SQL.
 */
public enum SqlSyntax {

	/**
	 * PostgreSQL as psql reads it: {@code '...'} strings with {@code ''},
	 * {@code E'...'} strings with backslash escapes, {@code "..."} identifiers, dollar quoting
	 * ({@code $$...$$}, {@code $tag$...$tag$}), {@code --} and nesting {@code /* *}{@code /}
	 * comments, and semicolons inside parentheses or inside the {@code BEGIN ATOMIC ... END}
	 * body of a {@code CREATE FUNCTION} or {@code CREATE PROCEDURE} belonging to the statement.
	 */
	POSTGRESQL,

	/**
	 * H2: {@code '...'} strings, {@code "..."} identifiers, {@code $$...$$} bodies,
	 * {@code --} and {@code //} line comments and nesting block comments.
	 */
	H2,

	/**
	 * MariaDB and MySQL as their command-line client reads them: {@code '...'} and
	 * {@code "..."} strings with backslash escapes, {@code `...`} identifiers, {@code #} and
	 * {@code -- } comments, block comments (executable {@code /*! ... *}{@code /} comments
	 * are statement text), and the {@code DELIMITER} directive.
	 */
	MYSQL

}
