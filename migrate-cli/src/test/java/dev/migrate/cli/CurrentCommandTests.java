package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;
import dev.migrate.testing.TestDatabase.Engine;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentCommandTests {

	@RegisterExtension
	static final Databases databases = new Databases();

	@TempDir
	Path dir;

	private DatabaseCli linear(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		RevisionFiles.linear(db.revisions());
		return db;
	}

	@OnEachDatabase
	void printsNothingAndCreatesNothingOnANewDatabase(Engine engine) {
		DatabaseCli db = linear(engine);
		Result result = db.ok("current");
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEmpty();
		assertThat(db.tables()).isEmpty();
		assertThat(db.ok("current", "--format", "json").out()).isEqualTo("[]\n");
	}

	@OnEachDatabase
	void printsTheRevisionTheDatabaseIsAt(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "b2");
		assertThat(db.ok("current").out()).isEqualTo("b2\n");
		db.ok("upgrade", "heads");
		assertThat(db.ok("current").out()).isEqualTo("c3 (head)\n");
	}

	@OnEachDatabase
	void verboseNamesTheDatabaseAndShowsTheRevisionInFull(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "heads");
		String out = db.ok("current", "--verbose").out();
		assertThat(out).startsWith("Current revision(s) for " + db.database().jdbcUrl() + ":\nRev: c3 (head)\n"
				+ "Parent: b2\nPath: db/revisions/c3_add_order_index.sql\n");
	}

	@OnEachDatabase
	void printsAnArrayOfRevisionObjectsAsJson(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "heads");
		List<Map<String, Object>> current = JsonParser.parseArrayOfObjects(db.ok("current", "--format", "json").out());
		assertThat(current).singleElement()
			.satisfies((revision) -> assertThat(revision).containsEntry("id", "c3")
				.containsEntry("downRevisions", List.of("b2"))
				.containsEntry("message", "add order index")
				.containsEntry("isHead", true)
				.containsEntry("isCurrent", true));
	}

	@OnEachDatabase
	void showsEachBranchAndTheRevisionsTheHeadsDependOn(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		RevisionFiles.branched(db.revisions());
		db.ok("upgrade", "heads");
		assertThat(db.versions()).containsExactly("c3", "f3");
		// as Alembic's current: e4 is applied as f3's dependency and no applied revision revises it
		assertThat(db.ok("current").out()).isEqualTo("""
				c3 (head)
				f3 (head)
				e4 (effective head)
				""");
	}

	@OnEachDatabase
	void checkHeadsFailsNamingWhatIsPending(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "a1");
		Result result = db.fails("current", "--check-heads");
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("not up to date", "a1", "c3", "2 pending: b2, c3");
		db.ok("upgrade", "heads");
		assertThat(db.ok("current", "--check-heads").out()).isEqualTo("c3 (head)\n");
	}

	@OnEachDatabase
	void showsRevisionsTheCodeDoesNotKnow(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "heads");
		db.execute("UPDATE migrate_version SET version_num = 'f00d0000beef'");
		assertThat(db.ok("current").out()).isEqualTo("f00d0000beef (unknown)\n");
		assertThat(JsonParser.parseArrayOfObjects(db.ok("current", "--format", "json").out())).singleElement()
			.isEqualTo(Map.of("id", "f00d0000beef", "isCurrent", true, "isUnknown", true));
		assertThat(db.fails("current", "--check-heads").err()).contains("f00d0000beef");
	}

	@Test
	void needsADatabaseUrl() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("current");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: current needs a database");
	}

	@Test
	void unreachableDatabaseIsOneErrorLineNamingTheUrl() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("current", "--url", "jdbc:postgresql://127.0.0.1:1/none");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: Could not connect to the database at "
				+ "jdbc:postgresql://127.0.0.1:1/none: ");
		assertThat(result.err().lines()).hasSize(1);
	}

	@Test
	void hidesThePasswordOfTheUrl() {
		assertThat(CurrentCommand.obfuscate("jdbc:postgresql://db:5432/app?user=u&password=secret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=u&password=***&ssl=true");
		assertThat(CurrentCommand.obfuscate("jdbc:mariadb://u:secret@db/app")).isEqualTo("jdbc:mariadb://u:***@db/app");
		assertThat(CurrentCommand.obfuscate("jdbc:h2:mem:x;PASSWORD=pw")).isEqualTo("jdbc:h2:mem:x;PASSWORD=***");
	}

}
