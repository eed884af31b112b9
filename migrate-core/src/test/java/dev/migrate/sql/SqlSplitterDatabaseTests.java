package dev.migrate.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs hostile scripts statement by statement on real databases: each statement
 * {@link SqlSplitter} gives must be one the database accepts, and together they must build
 * what the script describes. PostgreSQL and MariaDB are skipped when not reachable on their
 * default local address, unless the environment variable {@code CI} is {@code true}.
 */
class SqlSplitterDatabaseTests {

	private static final String POSTGRES_SCRIPT = """
			-- Every statement hides delimiters; the script only works split right.
			CREATE TABLE "semi;colon ""table""\" (
				id int PRIMARY KEY, -- the key; not the end
				note text DEFAULT 'a;b''c',
				escaped text DEFAULT E'it\\'s; a \\\\ backslash',
				unicode text DEFAULT U&'d\\0061t;a',
				dollars text DEFAULT $$;'$$ /* nested /* comment; */ still; */
			);
			INSERT INTO "semi;colon ""table""\" (id) VALUES (1);
			CREATE TABLE products (id serial PRIMARY KEY, name text, description text, search_vector tsvector);
			CREATE TABLE log (n int);

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

			CREATE FUNCTION tagged() RETURNS text LANGUAGE plpgsql AS $body$
			BEGIN
				RETURN $inner$it's; $$ here$inner$ || ';'; -- ';' and $$ inside
			END;
			$body$;
			CREATE FUNCTION add_one(int) RETURNS int LANGUAGE sql RETURN $1 + 1;
			CREATE FUNCTION atomic_sum(a int, b int) RETURNS int LANGUAGE sql
			BEGIN ATOMIC
				SELECT CASE WHEN a IS NULL THEN 0 ELSE a END + b;
			END;
			CREATE RULE log_products AS ON INSERT TO products
				DO ALSO (INSERT INTO log VALUES (1); INSERT INTO log VALUES (2));
			DO $do$ BEGIN PERFORM 1; RAISE NOTICE 'done; really'; END $do$;
			INSERT INTO products (name, description) VALUES ('Widget; large', E'A \\'quoted\\' widget')
			""";

	private static final String MARIADB_SCRIPT = """
			# Client delimiters, backslash escapes and backticks.
			CREATE TABLE `semi;colon``table` (
			  id int PRIMARY KEY,
			  note varchar(50) DEFAULT 'it\\'s; a \\\\ "test"',
			  other varchar(50) DEFAULT "say \\"hi\\"; ok"
			);
			CREATE TABLE audit (n int);
			/*!40101 SET @saved = 'x;y' */;
			DELIMITER //
			CREATE TRIGGER semi_audit AFTER INSERT ON `semi;colon``table` FOR EACH ROW
			BEGIN
			  -- one row per insert; really
			  INSERT INTO audit VALUES (NEW.id);
			  INSERT INTO audit VALUES (NEW.id * 10);
			END//
			DELIMITER $$
			CREATE PROCEDURE add_row(IN n int)
			BEGIN
			  INSERT INTO `semi;colon``table` (id) VALUES (n);
			END$$
			DELIMITER ;
			CALL add_row(7);
			""";

	private static final String H2_SCRIPT = """
			// H2 line comment; not a statement
			CREATE TABLE "semi;colon" (id int PRIMARY KEY, note varchar(50) DEFAULT 'a;b''c',
				body varchar(50) DEFAULT $$x; 'y'$$);
			/* nested /* comment; */ still; */
			INSERT INTO "semi;colon" (id) VALUES (1); -- trailing; comment
			""";

	@Test
	void runsSplitPostgreSqlScript() throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(POSTGRES_SCRIPT.replace("\n", "\r\n"));
		assertThat(statements).hasSize(12);
		String database = databaseName();
		try (Connection admin = connect("jdbc:postgresql://127.0.0.1:5432/postgres?connectTimeout=5", "postgres")) {
			execute(admin, "CREATE DATABASE " + database);
			try (Connection connection = connect("jdbc:postgresql://127.0.0.1:5432/" + database, "postgres")) {
				run(connection, statements);
				assertThat(row(connection, "SELECT note, escaped, unicode, dollars FROM \"semi;colon \"\"table\"\"\""))
					.containsExactly("a;b'c", "it's; a \\ backslash", "dat;a", ";'");
				assertThat(row(connection, "SELECT tagged(), add_one(1), atomic_sum(1, 2), "
						+ "(SELECT count(*) FROM log), (SELECT search_vector IS NOT NULL FROM products)"))
					.containsExactly("it's; $$ here;", "2", "3", "2", "t");
			}
			finally {
				execute(admin, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	@Test
	void runsSplitMariaDbScript() throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(MARIADB_SCRIPT, SqlSyntax.MYSQL);
		assertThat(statements).hasSize(6);
		String database = databaseName();
		try (Connection admin = connect("jdbc:mariadb://127.0.0.1:3306/?connectTimeout=5000", "root")) {
			execute(admin, "CREATE DATABASE " + database);
			try (Connection connection = connect("jdbc:mariadb://127.0.0.1:3306/" + database, "root")) {
				run(connection, statements);
				assertThat(row(connection, "SELECT note, other, @saved FROM `semi;colon``table`"))
					.containsExactly("it's; a \\ \"test\"", "say \"hi\"; ok", "x;y");
				assertThat(row(connection, "SELECT group_concat(n ORDER BY n) FROM audit")).containsExactly("7,70");
			}
			finally {
				execute(admin, "DROP DATABASE IF EXISTS " + database);
			}
		}
	}

	@Test
	void runsSplitH2Script() throws SQLException {
		List<SqlStatement> statements = SqlSplitter.split(H2_SCRIPT, SqlSyntax.H2);
		assertThat(statements).hasSize(2);
		try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + databaseName())) {
			run(connection, statements);
			assertThat(row(connection, "SELECT note, body FROM \"semi;colon\"")).containsExactly("a;b'c", "x; 'y'");
		}
	}

	private static String databaseName() {
		return "migrate_sql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static Connection connect(String url, String user) {
		try {
			return DriverManager.getConnection(url, user, "");
		}
		catch (SQLException ex) {
			if ("true".equals(System.getenv("CI"))) {
				throw new AssertionError("Database at " + url + " is not reachable and CI=true: " + ex.getMessage(), ex);
			}
			assumeTrue(false, "Database at " + url + " is not reachable: " + ex.getMessage());
			throw new IllegalStateException(ex);
		}
	}

	private static void run(Connection connection, List<SqlStatement> statements) {
		for (SqlStatement statement : statements) {
			try {
				execute(connection, statement.sql());
			}
			catch (SQLException ex) {
				throw new AssertionError("Statement at line " + statement.line() + " failed: " + ex.getMessage()
						+ "\n" + statement.sql(), ex);
			}
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> row(Connection connection, String query) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
			assertThat(result.next()).as("a row from %s", query).isTrue();
			List<String> values = new ArrayList<>();
			for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
				values.add(result.getString(i));
			}
			return values;
		}
	}

}
