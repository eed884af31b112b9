package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of {@link SqlSplitter}: scripts generated from statements full of quotes,
 * comments and dollar bodies holding delimiters split back into exactly those statements,
 * and arbitrary text either splits without losing a character or fails with a
 * {@link SqlSyntaxException}.
 */
class SqlSplitterPropertyTests {

	@Property
	void splitsJoinedPostgreSqlStatementsBackIntoThem(@ForAll("postgresScripts") Script script) {
		assertThat(SqlSplitter.split(script.text(), SqlSyntax.POSTGRESQL)).containsExactlyElementsOf(script.statements());
	}

	@Property
	void splitsJoinedH2StatementsBackIntoThem(@ForAll("h2Scripts") Script script) {
		assertThat(SqlSplitter.split(script.text(), SqlSyntax.H2)).containsExactlyElementsOf(script.statements());
	}

	@Property
	void splitsJoinedMySqlStatementsBackIntoThem(@ForAll("mysqlScripts") Script script) {
		assertThat(SqlSplitter.split(script.text(), SqlSyntax.MYSQL)).containsExactlyElementsOf(script.statements());
	}

	@Property
	void losesNoCharacterOfCommentFreeText(@ForAll("commentFreeText") String text, @ForAll SqlSyntax syntax) {
		List<SqlStatement> statements;
		try {
			statements = SqlSplitter.split(text, syntax);
		}
		catch (SqlSyntaxException ex) {
			return;
		}
		int cursor = 0;
		for (SqlStatement statement : statements) {
			cursor = skipBlanksAndSemicolons(text, cursor);
			assertThat(text.startsWith(statement.sql(), cursor)).as("%s at %d in %s", statement, cursor, text).isTrue();
			assertThat(statement.line()).isEqualTo(lineAt(text, cursor));
			cursor += statement.sql().length();
		}
		assertThat(skipBlanksAndSemicolons(text, cursor)).isEqualTo(text.length());
	}

	@Property
	void givesStatementsThatSplitIntoThemselves(@ForAll("hostileText") String text, @ForAll SqlSyntax syntax) {
		List<SqlStatement> statements;
		try {
			statements = SqlSplitter.split(text, syntax);
		}
		catch (SqlSyntaxException ex) {
			assertThat(ex.line()).isBetween(1, lineAt(text, text.length()));
			return;
		}
		for (SqlStatement statement : statements) {
			assertThat(statement.sql()).isNotBlank().isEqualTo(statement.sql().strip());
			assertThat(text).contains(statement.sql());
			if (syntax != SqlSyntax.MYSQL) {
				assertThat(SqlSplitter.split(statement.sql(), syntax)).containsExactly(new SqlStatement(statement.sql(), 1));
			}
		}
	}

	@Provide
	Arbitrary<Script> postgresScripts() {
		Arbitrary<String> simple = Arbitraries.oneOf(word(), number(), string("x", ";", "''", "\\"));
		Arbitrary<String> token = Arbitraries.oneOf(word(), number(), punctuation(),
				Arbitraries.integers().between(1, 9).map((n) -> "$" + n),
				string("x", ";", "''", " ", "\n", "$$", "--", "/*", "\"", "\\"),
				quoted("E'", "'", "x", ";", "\\'", "\\\\", "''", "\n", "\"", "$$"),
				quoted("U&'", "'", "x", ";", "''", "\\0041"),
				quoted("\"", "\"", "x", ";", "\"\"", " ", "'", "$$", "--"),
				quoted("$$", "$$", "x", ";", "'", "\"", "--", "/*", "*/", "\n", "\\"),
				quoted("$a$", "$a$", "x", ";", "'", "$", "$$", "$b$", "/*", "\r\n"),
				quoted("$fn_1$", "$fn_1$", "x", ";", "'", "$$", "$fn$", "$FN_1$"),
				Combinators.combine(simple, simple).as((a, b) -> "(" + a + "; " + b + ")"));
		Arbitrary<String> separator = Arbitraries.of(" ", "\n", "\r\n", "\t", " /* c; 'x\" $$ */ ",
				" /* a /* n; */ b */ ", " -- c; 'x $$ /*\n", "/**/");
		Arbitrary<String> statement = statement(token, separator);
		Arbitrary<String> routine = Combinators.combine(statement, statement, separator)
			.as((a, b, s) -> "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql" + s + "BEGIN ATOMIC " + a
					+ ";" + s + b + "; END");
		Arbitrary<String> junk = Arbitraries.of("", " ", "\n", "\r\n", "-- j;\n", "/* j; /* k; */ */", "\n;\n");
		return scripts(Arbitraries.oneOf(statement, statement, statement, routine), junk, Arbitraries.just(";"));
	}

	@Provide
	Arbitrary<Script> h2Scripts() {
		Arbitrary<String> token = Arbitraries.oneOf(word(), number(), punctuation(),
				string("x", ";", "''", " ", "\n", "$$", "--", "//", "/*", "\"", "\\"),
				quoted("\"", "\"", "x", ";", "\"\"", " ", "'", "$$", "//"),
				quoted("$$", "$$", "x", ";", "'", "\"", "--", "//", "/*", "*/", "\n", "\\", "$a"));
		Arbitrary<String> separator = Arbitraries.of(" ", "\n", "\r\n", " /* c; 'x\" $$ */ ",
				" /* a /* n; */ b */ ", " -- c; 'x $$ /*\n", " // c; 'x\n");
		Arbitrary<String> junk = Arbitraries.of("", " ", "\n", "-- j;\n", "// j;\n", "/* j; */", "\n;\n");
		return scripts(statement(token, separator), junk, Arbitraries.just(";"));
	}

	@Provide
	Arbitrary<Script> mysqlScripts() {
		Arbitrary<String> token = Arbitraries.oneOf(word(), number(), punctuation(),
				string("x", ";", "''", "\\'", "\\\\", " ", "\n", "$$", "//", "#", "-- ", "/*", "\""),
				quoted("\"", "\"", "x", ";", "\"\"", "\\\"", "\\\\", "'", "//", "$$"),
				quoted("`", "`", "x", ";", "``", "'", "\\", "//", "$$"),
				quoted("/*!50000 ", " */", "x", "'a;*/'", "`;`"));
		Arbitrary<String> separator = Arbitraries.of(" ", "\n", "\r\n", " /* c; 'x\" */ ", " # c; 'x $$\n",
				" -- c; \"y //\n", " --\tc;\n");
		Arbitrary<String> junk = Arbitraries.of("", " ", "\n", "# j;\n", "-- j;\n", "/* j; */");
		return scripts(statement(token, separator), junk, Arbitraries.of(";", ";", "//", "$$"));
	}

	/** Text made of fragments that open and close quotes, dollar bodies and comments. */
	@Provide
	Arbitrary<String> hostileText() {
		return text("--", "-- ", "#", "/*", "*/", "/*!", "//");
	}

	/** Like {@link #hostileText()}, without anything that could start a comment. */
	@Provide
	Arbitrary<String> commentFreeText() {
		return text();
	}

	private static Arbitrary<String> text(String... more) {
		List<String> fragments = new ArrayList<>(List.of("a", "a", "a", "x1", "E", "e", "U&", " ", " ", "\n", "\r\n",
				"\r", ";", ";", ";", ";", "'", "''", "\"", "`", "$", "$$", "$a$", "$1", "\\", "(", ")", "begin",
				"atomic", "end", "case", "create function f"));
		fragments.addAll(List.of(more));
		return Arbitraries.of(fragments).list().ofMaxSize(40).map((parts) -> String.join("", parts));
	}

	private static Arbitrary<String> word() {
		return Arbitraries.strings().withChars("abcd_").ofMinLength(1).ofMaxLength(6).filter((w) -> w.charAt(0) != '_');
	}

	private static Arbitrary<String> number() {
		return Arbitraries.integers().between(0, 99999).map(String::valueOf);
	}

	private static Arbitrary<String> punctuation() {
		return Arbitraries.of("+", ",", "*", "=", "<>", "::", ".", "[", "]");
	}

	private static Arbitrary<String> string(String... pieces) {
		return quoted("'", "'", pieces);
	}

	private static Arbitrary<String> quoted(String open, String close, String... pieces) {
		return Arbitraries.of(pieces).list().ofMaxSize(6).map((parts) -> open + String.join("", parts) + close);
	}

	/** Tokens with a separator between each two: comments inside a statement are kept. */
	private static Arbitrary<String> statement(Arbitrary<String> token, Arbitrary<String> separator) {
		return Combinators.combine(token.list().ofMinSize(1).ofMaxSize(6), separator.list().ofSize(5))
			.as((tokens, separators) -> {
				StringBuilder text = new StringBuilder(tokens.get(0));
				for (int i = 1; i < tokens.size(); i++) {
					text.append(separators.get(i - 1)).append(tokens.get(i));
				}
				return text.toString();
			});
	}

	private static Arbitrary<Script> scripts(Arbitrary<String> statement, Arbitrary<String> junk,
			Arbitrary<String> delimiter) {
		Arbitrary<Part> part = Combinators.combine(statement, junk, junk, delimiter).as(Part::new);
		return Combinators.combine(part.list().ofMaxSize(6), junk, junk, Arbitraries.of(true, false))
			.as(SqlSplitterPropertyTests::script);
	}

	/**
	 * Joins statements as a script: junk (blanks, comments, empty statements) around each,
	 * its delimiter after each (the last one's is optional), and a {@code DELIMITER} line
	 * where the delimiter changes.
	 */
	private static Script script(List<Part> parts, String leading, String trailing, boolean terminateLast) {
		StringBuilder text = new StringBuilder(leading);
		List<SqlStatement> statements = new ArrayList<>();
		String current = ";";
		for (int i = 0; i < parts.size(); i++) {
			Part part = parts.get(i);
			if (!part.delimiter().equals(current)) {
				text.append("\nDELIMITER ").append(part.delimiter()).append('\n');
				current = part.delimiter();
			}
			text.append(part.before());
			statements.add(new SqlStatement(part.sql(), lineAt(text, text.length())));
			text.append(part.sql());
			if (i < parts.size() - 1 || terminateLast) {
				text.append(part.after()).append(part.delimiter());
			}
		}
		text.append(trailing);
		return new Script(text.toString(), statements);
	}

	private static int lineAt(CharSequence text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
				line++;
			}
		}
		return line;
	}

	private static int skipBlanksAndSemicolons(String text, int from) {
		int i = from;
		while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == ';')) {
			i++;
		}
		return i;
	}

	record Part(String sql, String before, String after, String delimiter) {

	}

	record Script(String text, List<SqlStatement> statements) {

	}

}
