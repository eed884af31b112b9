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

class CheckCommandTests {

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
	void failsOnANewDatabaseNamingEveryPendingRevisionAndCreatesNothing(Engine engine) {
		DatabaseCli db = linear(engine);
		Result result = db.fails("check");
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("ERROR: The database is not up to date: it is at base, the revisions' heads "
				+ "are c3; 3 pending: a1, b2, c3. Run 'upgrade heads'\n");
		assertThat(db.tables()).isEmpty();
	}

	@OnEachDatabase
	void failsBehindTheHeads(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "b2");
		assertThat(db.fails("check").err()).contains("it is at b2", "1 pending: c3");
	}

	@OnEachDatabase
	void passesAtTheHeads(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "heads");
		assertThat(db.ok("check").out()).isEqualTo("The database is at the heads: c3\n");
		assertThat(JsonParser.parse(db.ok("check", "--format", "json").out()))
			.isEqualTo(Map.of("upToDate", true, "current", List.of("c3")));
	}

	@OnEachDatabase
	void failsNamingRevisionsTheCodeDoesNotKnow(Engine engine) {
		DatabaseCli db = linear(engine);
		db.ok("upgrade", "heads");
		db.execute("INSERT INTO migrate_version (version_num) VALUES ('f00d0000beef')");
		assertThat(db.fails("check").err()).contains("unknown to these revisions: f00d0000beef");
	}

	@Test
	void needsADatabaseUrl() {
		RevisionFiles.linear(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("check");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: check needs a database");
	}

}
