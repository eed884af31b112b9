package dev.migrate.ops.guide;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.Scratch;
import dev.migrate.ops.Operations;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.revision.Revision;
import dev.migrate.source.JavaRevisions;
import dev.migrate.sql.SqlSplitter;
import dev.migrate.sql.SqlStatement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guide's revisions rendered offline, as {@code --sql} does, into a script that psql runs
 * on an empty schema: the schema it builds must be the one running them online builds.
 */
class OfflineScriptTests {

	private static final List<Class<? extends Migration>> SCHEMA_REVISIONS = List.of(CreateUsersAndCategories.class,
			AddProducts.class, AddFullTextSearch.class, AddOrderStatus.class, AddPendingOrdersIndex.class);

	private static final Dialect dialect = Dialect.forUrl("jdbc:postgresql://localhost/offline");

	@TempDir
	Path temp;

	@Test
	void offlineScriptBuildsTheSameSchemaAsOnlineRun() throws Exception {
		StringBuilder script = new StringBuilder();
		for (Class<? extends Migration> type : SCHEMA_REVISIONS) {
			script.append(render(type, true));
		}
		try (Scratch online = Scratch.postgres(); Scratch offline = Scratch.postgres()) {
			for (Class<? extends Migration> type : SCHEMA_REVISIONS) {
				JavaRevisions.of(type).migration().upgrade(online.op(JavaRevisions.of(type)));
			}
			runScript(offline, script.toString());
			assertThat(catalog(offline)).isEqualTo(catalog(online)).isNotEmpty();

			StringBuilder downgrade = new StringBuilder();
			for (int i = SCHEMA_REVISIONS.size() - 1; i >= 0; i--) {
				downgrade.append(render(SCHEMA_REVISIONS.get(i), false));
			}
			runScript(offline, downgrade.toString());
			assertThat(catalog(offline)).isEmpty();
		}
	}

	@Test
	void rendersEachRevisionInItsTransaction() {
		assertThat(render(AddPendingOrdersIndex.class, true)).isEqualTo("""
				-- Running upgrade ord001 -> ord002, index pending orders
				BEGIN;
				CREATE INDEX ix_orders_pending ON orders (created_at) WHERE status = 'pending';
				COMMIT;

				""");
	}

	@Test
	void refusesDataMigrationOfflineNamingTheRevision() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> render(MigrateRolesToPermissions.class, true))
			.withMessageStartingWith("Revision mig001 (class " + MigrateRolesToPermissions.class.getName() + ")")
			.withMessageContaining("op.jdbc()")
			.withMessageContaining("offline (--sql)");
	}

	/** What an offline run writes for one revision: its statements, in a transaction when it has one. */
	static String render(Class<? extends Migration> type, boolean upgrade) {
		Revision revision = JavaRevisions.of(type);
		List<String> statements = new ArrayList<>();
		Operations op = new RecordingOperations(dialect, (operation) -> statements.addAll(dialect.render(operation)),
				revision);
		assertThat(op.isOffline()).isTrue();
		if (upgrade) {
			revision.migration().upgrade(op);
		}
		else {
			revision.migration().downgrade(op);
		}
		StringBuilder script = new StringBuilder("-- Running ").append(upgrade ? "upgrade " : "downgrade ")
			.append(String.join(", ", revision.downRevisions()))
			.append(" -> ")
			.append(revision.id())
			.append(", ")
			.append(revision.message())
			.append('\n');
		if (revision.isTransactional()) {
			script.append(dialect.beginTransaction()).append(";\n");
		}
		for (String statement : statements) {
			script.append(statement).append(";\n");
		}
		if (revision.isTransactional()) {
			script.append(dialect.commitTransaction()).append(";\n");
		}
		return script.append('\n').toString();
	}

	/** Runs a script with psql when it is installed, else statement by statement as split by migrate. */
	private void runScript(Scratch target, String script) throws IOException, InterruptedException {
		if (psqlAvailable()) {
			Path file = this.temp.resolve("offline-" + target.schema() + ".sql");
			Files.writeString(file, script, StandardCharsets.UTF_8);
			ProcessBuilder psql = psql(target, file);
			Process process = psql.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as("psql output:%n%s%nscript:%n%s", output, script).isZero();
		}
		else {
			for (SqlStatement statement : SqlSplitter.split(script)) {
				target.execute(statement.sql());
			}
		}
	}

	/** psql running a file on the scratch schema's database, with the schema first on its search path. */
	static ProcessBuilder psql(Scratch target, Path file) {
		String jdbcUrl = Scratch.postgresDatabase().jdbcUrl();
		String uri = "postgresql:" + jdbcUrl.substring("jdbc:postgresql:".length()).replaceFirst("\\?.*", "");
		ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", uri, "-f",
				file.toString())
			.redirectErrorStream(true);
		if (target.user() != null) {
			psql.environment().put("PGUSER", target.user());
		}
		if (target.password() != null) {
			psql.environment().put("PGPASSWORD", target.password());
		}
		psql.environment().put("PGOPTIONS", "-c search_path=" + target.schema() + ",public");
		return psql;
	}

	static boolean psqlAvailable() {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, "psql"))) {
				return true;
			}
		}
		return false;
	}

	/** Tables, columns, constraints, indexes, triggers, functions and enum types of the scratch schema. */
	private static List<List<Object>> catalog(Scratch db) throws SQLException {
		List<List<Object>> catalog = new ArrayList<>();
		catalog.addAll(db.rows("SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, "
				+ "character_maximum_length, numeric_precision, numeric_scale FROM information_schema.columns "
				+ "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"));
		catalog.addAll(db.rows("SELECT c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid) "
				+ "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n "
				+ "ON n.oid = c.relnamespace WHERE n.nspname = current_schema() ORDER BY 1, 2"));
		catalog.addAll(db.rows("SELECT tablename, indexname, replace(indexdef, current_schema() || '.', '') "
				+ "FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1, 2"));
		catalog.addAll(db.rows("SELECT c.relname, t.tgname, replace(pg_get_triggerdef(t.oid), current_schema() || '.', '') "
				+ "FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE NOT t.tgisinternal AND n.nspname = current_schema() ORDER BY 1, 2"));
		catalog.addAll(db.rows("SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n "
				+ "ON n.oid = p.pronamespace WHERE n.nspname = current_schema() ORDER BY 1"));
		catalog.addAll(db.rows("SELECT t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
				+ "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = current_schema() "
				+ "ORDER BY 1, e.enumsortorder"));
		return catalog;
	}

}
