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

class StampCommandTests {

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
	void stampsTheHeadsWithoutRunningRevisions(Engine engine) {
		DatabaseCli db = linear(engine);
		Result result = db.ok("stamp", "heads");
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("Running stamp  -> c3\n");
		assertThat(db.versions()).containsExactly("c3");
		assertThat(db.hasTable("users")).isFalse();
		assertThat(db.ok("current").out()).isEqualTo("c3 (head)\n");
	}

	@OnEachDatabase
	void stampsBackToARevisionAndToBase(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "heads");
		db.ok("stamp", "a1");
		assertThat(db.versions()).containsExactly("a1");
		assertThat(db.hasTable("orders")).isTrue();
		db.ok("stamp", "base");
		assertThat(db.versions()).isEmpty();
	}

	@OnEachDatabase
	void stampsSeveralBranches(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		RevisionFiles.branched(db.revisions());
		db.ok("stamp", "c3", "e4");
		assertThat(db.versions()).containsExactly("c3", "e4");
	}

	@OnEachDatabase
	void purgeReplacesRevisionsTheCodeDoesNotKnow(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("stamp", "heads");
		db.execute("UPDATE migrate_version SET version_num = 'f00d0000beef'");
		assertThat(db.fails("stamp", "a1").err()).contains("f00d0000beef", "purge");
		assertThat(db.versions()).containsExactly("f00d0000beef");
		db.ok("stamp", "a1", "--purge");
		assertThat(db.versions()).containsExactly("a1");
	}

	@OnEachDatabase
	void printsTheStepsAsJson(Engine engine) {
		DatabaseCli db = linear(engine);
		List<Map<String, Object>> steps = JsonParser
			.parseArrayOfObjects(db.ok("stamp", "b2", "--format", "json").out());
		assertThat(steps).singleElement()
			.satisfies((step) -> assertThat(step).containsEntry("direction", "upgrade")
				.containsEntry("revision", null)
				.containsEntry("isStamp", true)
				.containsEntry("to", List.of("b2")));
	}

	@OnEachDatabase
	void sqlPrintsTheScriptAndLeavesTheDatabaseAlone(Engine engine) {
		DatabaseCli db = linear(engine);
		assertThat(db.ok("stamp", "c3", "--sql").out()).containsPattern("(?i)insert into migrate_version .*'c3'");
		assertThat(db.ok("stamp", "a1:c3", "--sql").out()).containsPattern("(?i)update migrate_version .*'c3'");
		assertThat(db.tables()).isEmpty();
	}

	@OnEachDatabase
	void unknownRevisionChangesNothing(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("stamp", "a1");
		assertThat(db.fails("stamp", "fff999").err()).contains("fff999");
		assertThat(db.versions()).containsExactly("a1");
	}

	@Test
	void sqlCannotPurge() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("stamp", "heads", "--sql", "--purge", "--dialect", "h2");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: stamp --sql cannot --purge");
	}

	@Test
	void needsARevision() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("stamp");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Missing required parameter");
	}

}
