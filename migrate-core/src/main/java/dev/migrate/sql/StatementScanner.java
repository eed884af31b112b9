package dev.migrate.sql;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.sql.SqlSyntaxException.Kind;

/**
 * One pass over a script: reads token by token, skipping whatever cannot hold a delimiter
 * (quoted text, comments), and cuts a statement at each delimiter that is not inside
 * parentheses or a routine body. A statement's text runs from its first to its last
 * significant (non-comment, non-blank) character.
 */
final class StatementScanner {

	private static final String DIRECTIVE = "delimiter";

	private final String script;

	private final int length;

	private final SqlSyntax syntax;

	private final List<SqlStatement> statements = new ArrayList<>();

	private int pos;

	private int line = 1;

	private String delimiter = ";";

	/** Whether only blanks precede {@link #pos} on its line (for {@code DELIMITER}). */
	private boolean lineBlank = true;

	// The statement being read.

	private int start = -1;

	private int startLine;

	private int end;

	private int parenDepth;

	private int parenLine;

	// PostgreSQL routine bodies, as psql tracks them: CREATE [OR REPLACE] FUNCTION|PROCEDURE
	// ... BEGIN ATOMIC ... END, where CASE ... END nests inside the body.

	private int words;

	private boolean routinePrefix = true;

	private boolean routine;

	private boolean beginSeen;

	private int beginLine;

	private int bodyDepth;

	StatementScanner(String script, SqlSyntax syntax) {
		this.script = script;
		this.length = script.length();
		this.syntax = syntax;
	}

	List<SqlStatement> scan() {
		if (this.length > 0 && this.script.charAt(0) == '\uFEFF') {
			this.pos = 1;
		}
		while (this.pos < this.length) {
			step();
		}
		if (this.bodyDepth > 0) {
			throw new SqlSyntaxException(Kind.ROUTINE_BODY, this.beginLine, "Unterminated BEGIN ATOMIC body starting at line "
					+ this.beginLine + ": end the function or procedure body with END");
		}
		if (this.parenDepth > 0) {
			throw new SqlSyntaxException(Kind.PARENTHESIS, this.parenLine, "Unclosed parenthesis opened at line "
					+ this.parenLine + ": add the missing ')' (a ';' inside parentheses does not end a statement)");
		}
		endStatement();
		return this.statements;
	}

	private void step() {
		char c = this.script.charAt(this.pos);
		if (this.syntax == SqlSyntax.MYSQL && this.lineBlank && this.start < 0 && (c == 'd' || c == 'D')
				&& isDirective()) {
			readDirective();
			return;
		}
		if (c == this.delimiter.charAt(0) && this.parenDepth == 0 && this.bodyDepth == 0
				&& this.script.startsWith(this.delimiter, this.pos)) {
			endStatement();
			this.pos += this.delimiter.length();
			this.lineBlank = false;
			return;
		}
		if (c == '\n' || c == '\r') {
			if (isBreak(this.pos)) {
				this.line++;
			}
			this.pos++;
			this.lineBlank = true;
			return;
		}
		if (isBlank(c)) {
			this.pos++;
			return;
		}
		this.lineBlank = false;
		int from = this.pos;
		int fromLine = this.line;
		boolean significant = switch (this.syntax) {
			case POSTGRESQL -> postgresToken(c);
			case H2 -> h2Token(c);
			case MYSQL -> mysqlToken(c);
		};
		if (significant) {
			if (this.start < 0) {
				this.start = from;
				this.startLine = fromLine;
			}
			this.end = this.pos;
		}
	}

	private boolean postgresToken(char c) {
		if (c == '-' && peek(1) == '-') {
			skipLineComment();
			return false;
		}
		if (c == '/' && peek(1) == '*') {
			skipBlockComment(true);
			return false;
		}
		if (isIdentifierStart(c)) {
			postgresWord(c);
			return true;
		}
		this.beginSeen = false;
		switch (c) {
			case '\'' -> skipQuoted('\'', false, Kind.STRING, "quoted string");
			case '"' -> skipQuoted('"', false, Kind.QUOTED_IDENTIFIER, "quoted identifier");
			case '$' -> postgresDollar();
			case '(' -> {
				if (this.parenDepth++ == 0) {
					this.parenLine = this.line;
				}
				this.pos++;
			}
			case ')' -> {
				if (this.parenDepth > 0) {
					this.parenDepth--;
				}
				this.pos++;
			}
			default -> skipNumberOrChar(c);
		}
		return true;
	}

	private void postgresWord(char c) {
		int from = this.pos;
		skipWord();
		if (this.pos - from == 1 && (c == 'e' || c == 'E') && peek(0) == '\'') {
			this.beginSeen = false;
			skipQuoted('\'', true, Kind.STRING, "escape string E'...'");
			return;
		}
		trackRoutine(from, this.pos);
	}

	/**
	 * Follows psql: in a statement starting {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE},
	 * delimiters between {@code BEGIN ATOMIC} and its {@code END} belong to the statement.
	 * Unlike psql, a {@code BEGIN} counts only when {@code ATOMIC} follows, so a routine
	 * named {@code begin} is no body.
	 */
	private void trackRoutine(int from, int to) {
		this.words++;
		if (this.routinePrefix) {
			switch (this.words) {
				case 1 -> this.routinePrefix = is(from, to, "create");
				case 2 -> {
					this.routine = is(from, to, "function") || is(from, to, "procedure");
					this.routinePrefix = !this.routine && is(from, to, "or");
				}
				case 3 -> this.routinePrefix = is(from, to, "replace");
				default -> {
					this.routine = is(from, to, "function") || is(from, to, "procedure");
					this.routinePrefix = false;
				}
			}
			return;
		}
		boolean afterBegin = this.beginSeen;
		this.beginSeen = false;
		if (!this.routine || this.parenDepth > 0) {
			return;
		}
		if (this.bodyDepth == 0) {
			if (afterBegin && is(from, to, "atomic")) {
				this.bodyDepth = 1;
			}
			else if (is(from, to, "begin")) {
				this.beginSeen = true;
				this.beginLine = this.line;
			}
		}
		else if (is(from, to, "case")) {
			this.bodyDepth++;
		}
		else if (is(from, to, "end")) {
			this.bodyDepth--;
		}
	}

	private void postgresDollar() {
		char next = peek(1);
		if (isDigit(next)) {
			this.pos += 2;
			while (this.pos < this.length && isDigit(this.script.charAt(this.pos))) {
				this.pos++;
			}
			return;
		}
		if (next == '$') {
			skipDollarQuoted("$$");
			return;
		}
		if (isIdentifierStart(next)) {
			int i = this.pos + 2;
			while (i < this.length && isTagPart(this.script.charAt(i))) {
				i++;
			}
			if (i < this.length && this.script.charAt(i) == '$') {
				skipDollarQuoted(this.script.substring(this.pos, i + 1));
				return;
			}
		}
		this.pos++;
	}

	private boolean h2Token(char c) {
		if ((c == '-' && peek(1) == '-') || (c == '/' && peek(1) == '/')) {
			skipLineComment();
			return false;
		}
		if (c == '/' && peek(1) == '*') {
			skipBlockComment(true);
			return false;
		}
		if (isIdentifierStart(c)) {
			skipWord();
			return true;
		}
		switch (c) {
			case '\'' -> skipQuoted('\'', false, Kind.STRING, "quoted string");
			case '"' -> skipQuoted('"', false, Kind.QUOTED_IDENTIFIER, "quoted identifier");
			case '$' -> {
				if (peek(1) == '$') {
					skipDollarQuoted("$$");
				}
				else {
					this.pos++;
				}
			}
			default -> skipNumberOrChar(c);
		}
		return true;
	}

	/**
	 * MySQL is read character by character: its client finds a delimiter anywhere outside
	 * quotes and comments, even inside a word (so {@code END//} ends a statement).
	 */
	private boolean mysqlToken(char c) {
		switch (c) {
			case '#' -> {
				skipLineComment();
				return false;
			}
			case '-' -> {
				if (peek(1) == '-' && (this.pos + 2 >= this.length || this.script.charAt(this.pos + 2) <= ' ')) {
					skipLineComment();
					return false;
				}
				this.pos++;
			}
			case '/' -> {
				if (peek(1) != '*') {
					this.pos++;
				}
				else if (peek(2) == '!' || (peek(2) == 'M' && peek(3) == '!')) {
					skipExecutableComment();
				}
				else {
					skipBlockComment(false);
					return false;
				}
			}
			case '\'' -> skipQuoted('\'', true, Kind.STRING, "quoted string");
			case '"' -> skipQuoted('"', true, Kind.STRING, "quoted string");
			case '`' -> skipQuoted('`', false, Kind.QUOTED_IDENTIFIER, "quoted identifier");
			default -> this.pos++;
		}
		return true;
	}

	private void skipWord() {
		this.pos++;
		while (this.pos < this.length && isIdentifierPart(this.script.charAt(this.pos))) {
			this.pos++;
		}
	}

	/** A number with what sticks to it ({@code 1e5}, {@code 0x1F}), else one character. */
	private void skipNumberOrChar(char c) {
		this.pos++;
		if (isDigit(c)) {
			while (this.pos < this.length && isNumberPart(this.script.charAt(this.pos))) {
				this.pos++;
			}
		}
	}

	private void skipLineComment() {
		while (this.pos < this.length) {
			char c = this.script.charAt(this.pos);
			if (c == '\n' || c == '\r') {
				return;
			}
			this.pos++;
		}
	}

	private void skipBlockComment(boolean nesting) {
		int openLine = this.line;
		int depth = 1;
		int i = this.pos + 2;
		while (i < this.length) {
			char c = this.script.charAt(i);
			if (c == '*' && i + 1 < this.length && this.script.charAt(i + 1) == '/') {
				i += 2;
				if (--depth == 0) {
					this.pos = i;
					return;
				}
			}
			else if (nesting && c == '/' && i + 1 < this.length && this.script.charAt(i + 1) == '*') {
				depth++;
				i += 2;
			}
			else {
				if (isBreak(i)) {
					this.line++;
				}
				i++;
			}
		}
		throw new SqlSyntaxException(Kind.BLOCK_COMMENT, openLine, "Unterminated block comment starting at line "
				+ openLine + ": close it with */" + (nesting ? " (comments nest: each /* inside needs its own */)" : ""));
	}

	/** MySQL's {@code /*! ... *}{@code /}: statement text, read for quotes up to its end. */
	private void skipExecutableComment() {
		int openLine = this.line;
		int i = this.pos + 2;
		while (i < this.length) {
			char c = this.script.charAt(i);
			if (c == '*' && i + 1 < this.length && this.script.charAt(i + 1) == '/') {
				this.pos = i + 2;
				return;
			}
			if (c == '\'' || c == '"' || c == '`') {
				this.pos = i;
				skipQuoted(c, c != '`', (c == '`') ? Kind.QUOTED_IDENTIFIER : Kind.STRING,
						(c == '`') ? "quoted identifier" : "quoted string");
				i = this.pos;
			}
			else {
				if (isBreak(i)) {
					this.line++;
				}
				i++;
			}
		}
		throw new SqlSyntaxException(Kind.BLOCK_COMMENT, openLine,
				"Unterminated executable comment /*! starting at line " + openLine + ": close it with */");
	}

	/**
	 * Skips quoted text starting at {@link #pos}; a doubled quote stands for itself and,
	 * with backslash escapes, a backslash escapes the next character.
	 */
	private void skipQuoted(char quote, boolean backslashEscapes, Kind kind, String what) {
		int openLine = this.line;
		int i = this.pos + 1;
		while (i < this.length) {
			char c = this.script.charAt(i);
			if (c == quote) {
				if (i + 1 < this.length && this.script.charAt(i + 1) == quote) {
					i += 2;
					continue;
				}
				this.pos = i + 1;
				return;
			}
			if (c == '\\' && backslashEscapes && i + 1 < this.length) {
				i++;
			}
			if (isBreak(i)) {
				this.line++;
			}
			i++;
		}
		String inside = (backslashEscapes ? "\\" + quote + " or " : "") + quote + quote;
		throw new SqlSyntaxException(kind, openLine, "Unterminated " + what + " starting at line " + openLine
				+ ": close it with " + quote + " (write " + inside + " for a " + quote + " inside it)");
	}

	private void skipDollarQuoted(String tag) {
		int close = this.script.indexOf(tag, this.pos + tag.length());
		if (close < 0) {
			throw new SqlSyntaxException(Kind.DOLLAR_QUOTE, this.line, "Unterminated dollar-quoted string " + tag
					+ " starting at line " + this.line + ": end it with " + tag);
		}
		int stop = close + tag.length();
		for (int i = this.pos; i < stop; i++) {
			if (isBreak(i)) {
				this.line++;
			}
		}
		this.pos = stop;
	}

	private boolean isDirective() {
		int after = this.pos + DIRECTIVE.length();
		return this.script.regionMatches(true, this.pos, DIRECTIVE, 0, DIRECTIVE.length())
				&& (after == this.length || isBlank(this.script.charAt(after)) || this.script.charAt(after) == '\n'
						|| this.script.charAt(after) == '\r');
	}

	/** The client's {@code DELIMITER xx} line: sets the delimiter, is no statement. */
	private void readDirective() {
		int i = skipBlanks(this.pos + DIRECTIVE.length());
		String value;
		char first = (i < this.length) ? this.script.charAt(i) : '\n';
		if (first == '\'' || first == '"' || first == '`') {
			int close = i + 1;
			while (close < this.length && this.script.charAt(close) != first && !isLineEnd(this.script.charAt(close))) {
				close++;
			}
			if (close == this.length || this.script.charAt(close) != first) {
				throw directiveError("has an unclosed " + first);
			}
			value = this.script.substring(i + 1, close);
			i = close + 1;
		}
		else {
			int from = i;
			while (i < this.length && !isBlank(this.script.charAt(i)) && !isLineEnd(this.script.charAt(i))) {
				i++;
			}
			value = this.script.substring(from, i);
		}
		if (value.isEmpty()) {
			throw directiveError("names no delimiter: write for example DELIMITER // , end the statements "
					+ "that follow with //, then switch back with DELIMITER ;");
		}
		if (value.indexOf('\\') >= 0) {
			throw directiveError("sets a delimiter with a backslash, which the client does not allow: choose "
					+ "another, for example //");
		}
		i = skipBlanks(i);
		if (i < this.length && !isLineEnd(this.script.charAt(i))) {
			throw directiveError("has text after its delimiter '" + value + "': put the directive alone on its line");
		}
		this.delimiter = value;
		this.pos = i;
	}

	private SqlSyntaxException directiveError(String problem) {
		return new SqlSyntaxException(Kind.DELIMITER, this.line, "DELIMITER at line " + this.line + " " + problem);
	}

	private void endStatement() {
		if (this.start >= 0) {
			this.statements.add(new SqlStatement(this.script.substring(this.start, this.end), this.startLine));
		}
		this.start = -1;
		this.parenDepth = 0;
		this.words = 0;
		this.routinePrefix = true;
		this.routine = false;
		this.beginSeen = false;
		this.bodyDepth = 0;
	}

	private boolean is(int from, int to, String word) {
		return to - from == word.length() && this.script.regionMatches(true, from, word, 0, word.length());
	}

	private char peek(int offset) {
		int i = this.pos + offset;
		return (i < this.length) ? this.script.charAt(i) : '\0';
	}

	private int skipBlanks(int i) {
		while (i < this.length && isBlank(this.script.charAt(i))) {
			i++;
		}
		return i;
	}

	/** Whether the character at {@code i} ends a line ({@code \r\n} counts once). */
	private boolean isBreak(int i) {
		char c = this.script.charAt(i);
		return c == '\n' || (c == '\r' && (i + 1 == this.length || this.script.charAt(i + 1) != '\n'));
	}

	private static boolean isLineEnd(char c) {
		return c == '\n' || c == '\r';
	}

	private static boolean isBlank(char c) {
		return c == ' ' || c == '\t' || c == '\f' || c == '\u000B';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/** As PostgreSQL: ASCII letters, underscore, and any non-ASCII character. */
	private static boolean isIdentifierStart(char c) {
		return isLetter(c) || c == '_' || c >= '\u0080';
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || isDigit(c) || c == '$';
	}

	private static boolean isTagPart(char c) {
		return isIdentifierStart(c) || isDigit(c);
	}

	private static boolean isNumberPart(char c) {
		return isDigit(c) || isLetter(c) || c == '_';
	}

}
