package dev.migrate.sql;

import java.util.List;

import dev.migrate.MigrateException;
import dev.migrate.sql.SqlSyntaxException.Kind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link SqlSplitter}.
 */
class SqlSplitterTests {

	private static List<String> split(String script) {
		return split(script, SqlSyntax.POSTGRESQL);
	}

	private static List<String> split(String script, SqlSyntax syntax) {
		return SqlSplitter.split(script, syntax).stream().map(SqlStatement::sql).toList();
	}

	private static List<Integer> lines(String script, SqlSyntax syntax) {
		return SqlSplitter.split(script, syntax).stream().map(SqlStatement::line).toList();
	}

	private static SqlSyntaxException failure(String script, SqlSyntax syntax) {
		try {
			SqlSplitter.split(script, syntax);
		}
		catch (SqlSyntaxException ex) {
			return ex;
		}
		throw new AssertionError("Expected a SqlSyntaxException for " + script);
	}

	@Nested
	class Common {

		@Test
		void splitsAtSemicolonsWithPostgreSqlByDefault() {
			List<SqlStatement> statements = SqlSplitter.split("CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
			assertThat(statements).containsExactly(new SqlStatement("CREATE TABLE a (id int)", 1),
					new SqlStatement("CREATE TABLE b (id int)", 2));
		}

		@Test
		void keepsLastStatementWithoutTrailingSemicolon() {
			for (SqlSyntax syntax : SqlSyntax.values()) {
				assertThat(split("SELECT 1; SELECT 2", syntax)).containsExactly("SELECT 1", "SELECT 2");
			}
		}

		@Test
		void givesNoStatementsForEmptyOrBlankInput() {
			for (SqlSyntax syntax : SqlSyntax.values()) {
				assertThat(split("", syntax)).isEmpty();
				assertThat(split(" \n\t\r\n ", syntax)).isEmpty();
				assertThat(split(";\n;  ;", syntax)).isEmpty();
			}
		}

		@Test
		void dropsStatementsHoldingOnlyComments() {
			String script = "-- first; line\n/* block; */ ;\n-- last";
			for (SqlSyntax syntax : SqlSyntax.values()) {
				assertThat(split(script, syntax)).isEmpty();
			}
		}

		@Test
		void dropsCommentsAroundAStatementAndKeepsThoseInside() {
			String script = "-- header\n\n/* leading */ SELECT 1 /* inside; */ + 1 -- trailing;\n;SELECT 2; -- after\n";
			for (SqlSyntax syntax : SqlSyntax.values()) {
				assertThat(SqlSplitter.split(script, syntax)).containsExactly(
						new SqlStatement("SELECT 1 /* inside; */ + 1", 3), new SqlStatement("SELECT 2", 4));
			}
		}

		@Test
		void keepsSemicolonsInsideQuotes() {
			for (SqlSyntax syntax : SqlSyntax.values()) {
				assertThat(split("INSERT INTO t VALUES ('a;b', 'it''s; ok');SELECT 1", syntax))
					.containsExactly("INSERT INTO t VALUES ('a;b', 'it''s; ok')", "SELECT 1");
			}
		}

		@Test
		void countsLinesWithCrLfAndLoneCrLineEndings() {
			for (SqlSyntax syntax : SqlSyntax.values()) {
				assertThat(SqlSplitter.split("SELECT 1;\r\nSELECT\r\n 'a\r\nb';\r\n\r\nSELECT 3;\rSELECT 4\r\n", syntax))
					.containsExactly(new SqlStatement("SELECT 1", 1), new SqlStatement("SELECT\r\n 'a\r\nb'", 2),
							new SqlStatement("SELECT 3", 6), new SqlStatement("SELECT 4", 7));
			}
		}

		@Test
		void ignoresByteOrderMark() {
			assertThat(split("\uFEFFSELECT 1;")).containsExactly("SELECT 1");
		}

		@Test
		void rejectsNullArguments() {
			assertThatNullPointerException().isThrownBy(() -> SqlSplitter.split(null));
			assertThatNullPointerException().isThrownBy(() -> SqlSplitter.split("SELECT 1", null));
		}

		@Test
		void reportsFailuresAsMigrateExceptions() {
			assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> SqlSplitter.split("SELECT 'a"));
		}

	}

	@Nested
	class PostgreSql {

		@Test
		void keepsSemicolonsInsideQuotedIdentifiers() {
			assertThat(split("CREATE TABLE \"a;\"\"b\" (\"c;\" int); SELECT 1"))
				.containsExactly("CREATE TABLE \"a;\"\"b\" (\"c;\" int)", "SELECT 1");
		}

		@Test
		void keepsSemicolonsInsideLineComments() {
			assertThat(split("SELECT 1 -- not; the end\n, 2;SELECT 3"))
				.containsExactly("SELECT 1 -- not; the end\n, 2", "SELECT 3");
		}

		@Test
		void keepsSemicolonsInsideNestedBlockComments() {
			assertThat(split("SELECT 1 /* outer; /* inner; */ still comment; */ + 1; SELECT 2"))
				.containsExactly("SELECT 1 /* outer; /* inner; */ still comment; */ + 1", "SELECT 2");
		}

		@Test
		void treatsCommentMarkersInsideStringsAsText() {
			assertThat(split("SELECT '--'; SELECT '/*'; SELECT \"*/\" FROM t; SELECT '$$'; SELECT 5"))
				.containsExactly("SELECT '--'", "SELECT '/*'", "SELECT \"*/\" FROM t", "SELECT '$$'", "SELECT 5");
		}

		@Test
		void treatsQuotesInsideCommentsAsText() {
			assertThat(split("SELECT 1 -- don't\n+ 1; /* it's $$ */ SELECT 2")).containsExactly("SELECT 1 -- don't\n+ 1",
					"SELECT 2");
		}

		@Test
		void keepsDollarQuotedBodyAsOneStatement() {
			String function = """
					CREATE FUNCTION f() RETURNS text AS $$
					BEGIN
						RETURN 'it''s; done';
					END;
					$$ LANGUAGE plpgsql""";
			assertThat(split(function + ";\nSELECT f();")).containsExactly(function, "SELECT f()");
		}

		@Test
		void keepsQuoteInsideDollarBody() {
			assertThat(split("SELECT $$it's; fine$$; SELECT 2")).containsExactly("SELECT $$it's; fine$$", "SELECT 2");
		}

		@Test
		void closesTaggedDollarQuoteOnlyWithItsOwnTag() {
			String block = "DO $a$ BEGIN PERFORM $b$ ; $a ; $$ ; $b$; RAISE NOTICE '$a'; END $a$";
			assertThat(split(block + "; SELECT 2")).containsExactly(block, "SELECT 2");
		}

		@Test
		void matchesDollarTagsCaseSensitively() {
			String block = "SELECT $Fn$ ; $fn$ ; $FN$ ; $Fn$";
			assertThat(split(block + ";SELECT 2")).containsExactly(block, "SELECT 2");
		}

		@Test
		void doesNotTakeParametersForDollarQuotes() {
			assertThat(split("PREPARE q(int, int) AS SELECT $1 + $2; EXECUTE q(1, 2); SELECT $1;")).containsExactly(
					"PREPARE q(int, int) AS SELECT $1 + $2", "EXECUTE q(1, 2)", "SELECT $1");
		}

		@Test
		void doesNotTakeDollarsInsideIdentifiersForDollarQuotes() {
			assertThat(split("SELECT a$b$c, x$$ FROM t; SELECT 2")).containsExactly("SELECT a$b$c, x$$ FROM t",
					"SELECT 2");
		}

		@Test
		void readsBackslashEscapesInEscapeStrings() {
			assertThat(split("SELECT E'it\\'s; \\\\'; SELECT e'\\\\'; SELECT E'a'';b'; SELECT 4")).containsExactly(
					"SELECT E'it\\'s; \\\\'", "SELECT e'\\\\'", "SELECT E'a'';b'", "SELECT 4");
		}

		@Test
		void readsBackslashesLiterallyInStandardStrings() {
			assertThat(split("SELECT 'C:\\'; SELECT type'a\\'; SELECT 3")).containsExactly("SELECT 'C:\\'",
					"SELECT type'a\\'", "SELECT 3");
		}

		@Test
		void readsUnicodeEscapeStringsAsStandardStrings() {
			assertThat(split("SELECT U&'d\\0061t;a\\'; SELECT U&\"a;b\" FROM t"))
				.containsExactly("SELECT U&'d\\0061t;a\\'", "SELECT U&\"a;b\" FROM t");
		}

		@Test
		void keepsSemicolonsInsideParentheses() {
			String rule = "CREATE RULE log_insert AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); "
					+ "INSERT INTO log VALUES (2))";
			assertThat(split(rule + "; SELECT 2")).containsExactly(rule, "SELECT 2");
		}

		@Test
		void ignoresClosingParenthesisWithoutOpening() {
			assertThat(split("SELECT 1); SELECT 2")).containsExactly("SELECT 1)", "SELECT 2");
		}

		@Test
		void keepsBeginAtomicBodyAsOneStatement() {
			String function = "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END";
			assertThat(split(function + "; SELECT f();")).containsExactly(function, "SELECT f()");
		}

		@Test
		void keepsBeginAtomicBodyWithCaseAndCommentsAsOneStatement() {
			String procedure = """
					create or replace procedure p(a int)
					language sql
					begin /* the body */ atomic
						insert into t values (case when a > 0 then a else 0 end);
						select case a when 1 then 'one' else 'many' end;
					end""";
			assertThat(split(procedure + ";\nCALL p(1);")).containsExactly(procedure, "CALL p(1)");
		}

		@Test
		void doesNotTakeRoutineNamedBeginForBody() {
			assertThat(split("CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 1; SELECT begin()"))
				.containsExactly("CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 1", "SELECT begin()");
		}

		@Test
		void splitsTransactionBlocks() {
			assertThat(split("BEGIN; CREATE TABLE t (a int); END; BEGIN ATOMIC; COMMIT")).containsExactly("BEGIN",
					"CREATE TABLE t (a int)", "END", "BEGIN ATOMIC", "COMMIT");
		}

		@Test
		void splitsAlembicGuideTriggerFunctionIntoTwoStatements() {
			String script = """

					CREATE OR REPLACE FUNCTION products_search_vector_update() RETURNS trigger AS $$
					BEGIN
					    NEW.search_vector :=
					        setweight(to_tsvector('english', COALESCE(NEW.name, '')), 'A') ||
					        setweight(to_tsvector('english', COALESCE(NEW.description, '')), 'B');
					    RETURN NEW;
					END
					$$ LANGUAGE plpgsql;

					CREATE TRIGGER products_search_vector_trigger
					BEFORE INSERT OR UPDATE ON products
					FOR EACH ROW EXECUTE FUNCTION products_search_vector_update();
					""";
			List<SqlStatement> statements = SqlSplitter.split(script);
			assertThat(statements).hasSize(2);
			assertThat(statements.get(0).line()).isEqualTo(2);
			assertThat(statements.get(0).sql()).startsWith("CREATE OR REPLACE FUNCTION").endsWith("$$ LANGUAGE plpgsql");
			assertThat(statements.get(1)).isEqualTo(new SqlStatement("""
					CREATE TRIGGER products_search_vector_trigger
					BEFORE INSERT OR UPDATE ON products
					FOR EACH ROW EXECUTE FUNCTION products_search_vector_update()""", 11));
		}

		@Test
		void countsLinesInsideMultiLineTokens() {
			String script = "SELECT 'a\nb';\nSELECT $x$\n;\n$x$;\n/* c\n\n */ SELECT E'\\\n';\nSELECT \"a\nb\";SELECT 5";
			assertThat(lines(script, SqlSyntax.POSTGRESQL)).containsExactly(1, 3, 8, 10, 11);
		}

	}

	@Nested
	class H2 {

		@Test
		void keepsDollarQuotedJavaSourceAsOneStatement() {
			String alias = "CREATE ALIAS twice AS $$ int twice(int x) { return x * 2; } $$";
			assertThat(split(alias + "; CALL twice(2)", SqlSyntax.H2)).containsExactly(alias, "CALL twice(2)");
		}

		@Test
		void readsDoubleSlashLineComments() {
			assertThat(split("SELECT 1 // no; end\n+ 1; SELECT 2", SqlSyntax.H2)).containsExactly("SELECT 1 // no; end\n+ 1",
					"SELECT 2");
		}

		@Test
		void keepsSemicolonsInsideNestedBlockComments() {
			assertThat(split("SELECT 1 /* a; /* b; */ c; */ + 1; SELECT 2", SqlSyntax.H2))
				.containsExactly("SELECT 1 /* a; /* b; */ c; */ + 1", "SELECT 2");
		}

		@Test
		void readsBackslashesAndTaggedDollarsLiterally() {
			assertThat(split("SELECT 'a\\'; SELECT E'b\\'; SELECT $a$;$a$", SqlSyntax.H2)).containsExactly(
					"SELECT 'a\\'", "SELECT E'b\\'", "SELECT $a$", "$a$");
		}

		@Test
		void doesNotTakeDollarsInsideIdentifiersForDollarQuotes() {
			assertThat(split("SELECT a$$b FROM t; SELECT 2", SqlSyntax.H2)).containsExactly("SELECT a$$b FROM t",
					"SELECT 2");
		}

		@Test
		void splitsInsideParentheses() {
			assertThat(split("SELECT (1; 2)", SqlSyntax.H2)).containsExactly("SELECT (1", "2)");
		}

	}

	@Nested
	class MySql {

		@Test
		void readsBackslashEscapesInBothStringQuotes() {
			assertThat(split("INSERT INTO t VALUES ('it\\'s; ok', \"say \\\"hi;\\\"\", 'a\\\\');SELECT 1",
					SqlSyntax.MYSQL))
				.containsExactly("INSERT INTO t VALUES ('it\\'s; ok', \"say \\\"hi;\\\"\", 'a\\\\')", "SELECT 1");
		}

		@Test
		void keepsSemicolonsInsideBacktickIdentifiers() {
			assertThat(split("CREATE TABLE `a;``b` (`c\\` int); SELECT 1", SqlSyntax.MYSQL))
				.containsExactly("CREATE TABLE `a;``b` (`c\\` int)", "SELECT 1");
		}

		@Test
		void readsHashComments() {
			assertThat(split("SELECT 1 # not; the end\n+ 1; # only a comment;\nSELECT 2", SqlSyntax.MYSQL))
				.containsExactly("SELECT 1 # not; the end\n+ 1", "SELECT 2");
		}

		@Test
		void readsDoubleDashAsCommentOnlyBeforeWhitespace() {
			assertThat(split("SELECT 1 --\tc;\n, 2 --\n;SELECT 5--1;SELECT 3 --", SqlSyntax.MYSQL))
				.containsExactly("SELECT 1 --\tc;\n, 2", "SELECT 5--1", "SELECT 3");
		}

		@Test
		void doesNotNestBlockComments() {
			assertThat(split("SELECT 1 /* a /* b; */ ; SELECT 2", SqlSyntax.MYSQL)).containsExactly("SELECT 1",
					"SELECT 2");
		}

		@Test
		void keepsExecutableCommentsAsStatementText() {
			assertThat(SqlSplitter.split("/*!40101 SET NAMES utf8mb4 */;\n/* plain */;\n/*M!100101 SET @x = ';*/' */;\n"
					+ "SELECT 1 /*!50000 ; */, 2;", SqlSyntax.MYSQL))
				.containsExactly(new SqlStatement("/*!40101 SET NAMES utf8mb4 */", 1),
						new SqlStatement("/*M!100101 SET @x = ';*/' */", 3), new SqlStatement("SELECT 1 /*!50000 ; */, 2", 4));
		}

		@Test
		void readsDollarsAsText() {
			assertThat(split("SELECT 1 AS `$$`;SELECT '$$';SELECT 3", SqlSyntax.MYSQL)).containsExactly(
					"SELECT 1 AS `$$`", "SELECT '$$'", "SELECT 3");
		}

		@Test
		void changesDelimiterWithDelimiterDirective() {
			String script = """
					CREATE TABLE t (a int);
					DELIMITER //
					CREATE TRIGGER t_check BEFORE INSERT ON t FOR EACH ROW
					BEGIN
					  IF NEW.a < 0 THEN
					    SET NEW.a = 0;
					  END IF;
					END//
					  delimiter $$
					CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$
					DELIMITER ;
					CALL p();
					""";
			List<SqlStatement> statements = SqlSplitter.split(script, SqlSyntax.MYSQL);
			assertThat(statements).extracting(SqlStatement::line).containsExactly(1, 3, 10, 12);
			assertThat(statements).extracting(SqlStatement::sql).containsExactly("CREATE TABLE t (a int)", """
					CREATE TRIGGER t_check BEFORE INSERT ON t FOR EACH ROW
					BEGIN
					  IF NEW.a < 0 THEN
					    SET NEW.a = 0;
					  END IF;
					END""", "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END", "CALL p()");
		}

		@Test
		void readsQuotedDelimiterAndDelimiterWithoutFinalUse() {
			assertThat(split("DELIMITER ';;'\r\nSELECT 1;;\nSELECT 2; SELECT 3", SqlSyntax.MYSQL))
				.containsExactly("SELECT 1", "SELECT 2; SELECT 3");
		}

		@Test
		void takesDelimiterWordInsideStatementForText() {
			assertThat(split("SELECT 1,\nDELIMITER //\n; SELECT delimiter FROM t", SqlSyntax.MYSQL))
				.containsExactly("SELECT 1,\nDELIMITER //", "SELECT delimiter FROM t");
		}

		@Test
		void readsDelimiterDirectiveOnlyInMySql() {
			assertThat(split("DELIMITER //\nSELECT 1//", SqlSyntax.POSTGRESQL)).containsExactly("DELIMITER //\nSELECT 1//");
		}

		@Test
		void rejectsDelimiterDirectiveWithoutDelimiter() {
			SqlSyntaxException ex = failure("SELECT 1;\nDELIMITER   \nSELECT 2", SqlSyntax.MYSQL);
			assertThat(ex.kind()).isEqualTo(Kind.DELIMITER);
			assertThat(ex.line()).isEqualTo(2);
			assertThat(ex).hasMessageStartingWith("DELIMITER at line 2 names no delimiter: write for example DELIMITER //");
		}

		@Test
		void rejectsDelimiterWithBackslash() {
			assertThat(failure("DELIMITER \\\\", SqlSyntax.MYSQL)).hasMessageContaining("backslash");
		}

		@Test
		void rejectsTextAfterDelimiter() {
			assertThat(failure("DELIMITER // -- switch", SqlSyntax.MYSQL))
				.hasMessage("DELIMITER at line 1 has text after its delimiter '//': put the directive alone on its line");
		}

		@Test
		void rejectsUnclosedQuoteInDelimiterDirective() {
			assertThat(failure("DELIMITER '//\n'", SqlSyntax.MYSQL)).hasMessage("DELIMITER at line 1 has an unclosed '");
		}

	}

	@Nested
	class Errors {

		@Test
		void reportsUnterminatedString() {
			SqlSyntaxException ex = failure("SELECT 1;\nSELECT 'abc;\nSELECT 2;", SqlSyntax.POSTGRESQL);
			assertThat(ex.kind()).isEqualTo(Kind.STRING);
			assertThat(ex.line()).isEqualTo(2);
			assertThat(ex).hasMessage(
					"Unterminated quoted string starting at line 2: close it with ' (write '' for a ' inside it)");
		}

		@Test
		void reportsUnterminatedEscapeString() {
			SqlSyntaxException ex = failure("\nSELECT E'it\\'s", SqlSyntax.POSTGRESQL);
			assertThat(ex.kind()).isEqualTo(Kind.STRING);
			assertThat(ex).hasMessage("Unterminated escape string E'...' starting at line 2: close it with ' "
					+ "(write \\' or '' for a ' inside it)");
		}

		@Test
		void reportsUnterminatedQuotedIdentifier() {
			SqlSyntaxException ex = failure("SELECT \"a\"\"", SqlSyntax.POSTGRESQL);
			assertThat(ex.kind()).isEqualTo(Kind.QUOTED_IDENTIFIER);
			assertThat(ex.line()).isEqualTo(1);
		}

		@Test
		void reportsUnterminatedDollarQuote() {
			SqlSyntaxException ex = failure("SELECT 1;\n\n\nCREATE FUNCTION f() RETURNS int AS $fn$\nSELECT 1;\n$$;",
					SqlSyntax.POSTGRESQL);
			assertThat(ex.kind()).isEqualTo(Kind.DOLLAR_QUOTE);
			assertThat(ex.line()).isEqualTo(4);
			assertThat(ex).hasMessage("Unterminated dollar-quoted string $fn$ starting at line 4: end it with $fn$");
		}

		@Test
		void reportsUnterminatedNestedBlockComment() {
			SqlSyntaxException ex = failure("SELECT 1;\n/* a\n/* b */\nSELECT 2;", SqlSyntax.POSTGRESQL);
			assertThat(ex.kind()).isEqualTo(Kind.BLOCK_COMMENT);
			assertThat(ex.line()).isEqualTo(2);
			assertThat(ex).hasMessage("Unterminated block comment starting at line 2: close it with */ "
					+ "(comments nest: each /* inside needs its own */)");
		}

		@Test
		void reportsUnclosedParenthesis() {
			SqlSyntaxException ex = failure("SELECT 1;\nSELECT (1, (2);\nSELECT 3", SqlSyntax.POSTGRESQL);
			assertThat(ex.kind()).isEqualTo(Kind.PARENTHESIS);
			assertThat(ex.line()).isEqualTo(2);
		}

		@Test
		void reportsUnterminatedBeginAtomicBody() {
			SqlSyntaxException ex = failure("CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\nSELECT 1;",
					SqlSyntax.POSTGRESQL);
			assertThat(ex.kind()).isEqualTo(Kind.ROUTINE_BODY);
			assertThat(ex.line()).isEqualTo(2);
		}

		@Test
		void reportsUnterminatedH2DollarQuote() {
			SqlSyntaxException ex = failure("CREATE ALIAS f AS $$ int f() { return 1; }", SqlSyntax.H2);
			assertThat(ex.kind()).isEqualTo(Kind.DOLLAR_QUOTE);
			assertThat(ex).hasMessageContaining("$$ starting at line 1");
		}

		@Test
		void reportsUnterminatedMySqlStringEndingInBackslash() {
			SqlSyntaxException ex = failure("SELECT 'C:\\';\nSELECT 2;", SqlSyntax.MYSQL);
			assertThat(ex.kind()).isEqualTo(Kind.STRING);
			assertThat(ex).hasMessage(
					"Unterminated quoted string starting at line 1: close it with ' (write \\' or '' for a ' inside it)");
		}

		@Test
		void reportsUnterminatedBacktickIdentifier() {
			SqlSyntaxException ex = failure("\nSELECT `a``", SqlSyntax.MYSQL);
			assertThat(ex.kind()).isEqualTo(Kind.QUOTED_IDENTIFIER);
			assertThat(ex.line()).isEqualTo(2);
		}

		@Test
		void reportsUnterminatedExecutableComment() {
			SqlSyntaxException ex = failure("/*!40101 SET NAMES utf8", SqlSyntax.MYSQL);
			assertThat(ex.kind()).isEqualTo(Kind.BLOCK_COMMENT);
		}

	}

}
