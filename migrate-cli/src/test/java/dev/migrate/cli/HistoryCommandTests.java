package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;
import dev.migrate.testing.TestDatabase.Engine;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryCommandTests {

	@RegisterExtension
	static final Databases databases = new Databases();

	@TempDir
	Path dir;

	private Cli cli;

	@BeforeEach
	void revisions() {
		RevisionFiles.branched(this.dir.resolve("db/revisions"));
		this.cli = new Cli(this.dir);
	}

	@Test
	void listsEveryRevisionNewestFirst() {
		assertThat(ok("history").out()).isEqualTo("""
				b2 -> c3 (head), add order index
				b2 (e4) -> f3 (head), add audit log
				d3 -> e4 (shop) (effective head), add prices
				b2 -> d3 (shop), add products
				a1 -> b2 (branchpoint), add orders
				<base> -> a1, create users
				""");
	}

	@Test
	void rangeBetweenTwoRevisions() {
		assertThat(ok("history", "-r", "b2:e4").out()).isEqualTo("""
				d3 -> e4 (shop) (effective head), add prices
				b2 -> d3 (shop), add products
				a1 -> b2 (branchpoint), add orders
				""");
	}

	@Test
	void rangeFromBase() {
		assertThat(ok("history", "-r", ":b2").out()).isEqualTo("a1 -> b2 (branchpoint), add orders\n"
				+ "<base> -> a1, create users\n");
	}

	@Test
	void rangeToTheHeads() {
		assertThat(ok("history", "--rev-range", "b2:").out()).isEqualTo("""
				b2 -> c3 (head), add order index
				b2 (e4) -> f3 (head), add audit log
				d3 -> e4 (shop) (effective head), add prices
				b2 -> d3 (shop), add products
				a1 -> b2 (branchpoint), add orders
				""");
	}

	@Test
	void rangeWithARelativeStart() {
		assertThat(ok("history", "-r", "-1:c3").out()).isEqualTo("""
				b2 -> c3 (head), add order index
				a1 -> b2 (branchpoint), add orders
				""");
	}

	@Test
	void rangeWithARelativeEnd() {
		assertThat(ok("history", "-r", "d3:+1").out()).isEqualTo("""
				d3 -> e4 (shop) (effective head), add prices
				b2 -> d3 (shop), add products
				""");
	}

	@Test
	void rangeToABranchHead() {
		assertThat(ok("history", "-r", "b2:shop@head").out()).startsWith("d3 -> e4 (shop) (effective head)");
	}

	@Test
	void verboseGivesFullEntries() {
		assertThat(ok("history", "-r", "a1:a1", "--verbose").out()).isEqualTo("""
				Rev: a1
				Parent: <base>
				Path: db/revisions/a1_create_users.sql

				    create users

				    Revision ID: a1
				    Revises:
				    Create Date: 2026-11-24 10:30:00

				""");
	}

	@Test
	void jsonIsNewestFirst() {
		List<Map<String, Object>> history = JsonParser.parseArrayOfObjects(ok("history", "--format", "json").out());
		assertThat(history).extracting((revision) -> revision.get("id"))
			.containsExactly("c3", "f3", "e4", "d3", "b2", "a1");
		assertThat(history.get(4)).containsEntry("isBranchPoint", true)
			.containsEntry("nextRevisions", List.of("c3", "d3", "f3"));
	}

	@Test
	void rangeWithoutAColonIsAnError() {
		Result result = this.cli.run("history", "-r", "b2");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("History range requires [start]:[end], [start]:, or :[end]");
	}

	@Test
	void rangeAcrossBranchesIsAnError() {
		Result result = this.cli.run("history", "-r", "c3:e4");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("ERROR: Requested range c3:e4 does not refer to ancestor/descendant "
				+ "revisions along the same branch" + System.lineSeparator());
	}

	@Test
	void unknownRevisionInARangeIsAnError() {
		Result result = this.cli.run("history", "-r", "zzzz:");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("'zzzz'");
	}

	@Test
	void currentNeedsADatabase() {
		for (String range : new String[] { "current:", ":current" }) {
			Result result = this.cli.run("history", "-r", range);
			assertThat(result.exitCode()).isEqualTo(1);
			assertThat(result.err()).startsWith("ERROR: history -r " + range + " needs a database")
				.contains("--url");
		}
		assertThat(this.cli.run("history", "--indicate-current").err())
			.startsWith("ERROR: history --indicate-current needs a database");
	}

	@OnEachDatabase
	void indicatesTheRevisionsTheDatabaseIsAt(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		db.ok("upgrade", "c3");
		db.ok("upgrade", "shop@head");
		assertThat(db.ok("history", "--indicate-current").out()).isEqualTo("""
				b2 -> c3 (head) (current), add order index
				b2 (e4) -> f3 (head), add audit log
				d3 -> e4 (shop) (effective head) (current), add prices
				b2 -> d3 (shop), add products
				a1 -> b2 (branchpoint), add orders
				<base> -> a1, create users
				""");
		assertThat(JsonParser.parseArrayOfObjects(db.ok("history", "-i", "--format", "json").out()))
			.filteredOn((revision) -> Boolean.TRUE.equals(revision.get("isCurrent")))
			.extracting((revision) -> revision.get("id"))
			.containsExactly("c3", "e4");
	}

	@OnEachDatabase
	void rangeFromTheCurrentRevision(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		db.ok("upgrade", "d3");
		assertThat(db.ok("history", "-r", "current:").out()).isEqualTo("""
				d3 -> e4 (shop) (effective head), add prices
				b2 -> d3 (shop), add products
				""");
		assertThat(db.ok("history", "-r", ":current").out()).isEqualTo("""
				b2 -> d3 (shop), add products
				a1 -> b2 (branchpoint), add orders
				<base> -> a1, create users
				""");
	}

	@OnEachDatabase
	void rangeFromTheCurrentRevisionOfANewDatabase(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		assertThat(db.ok("history", "-r", "current:").out()).isEqualTo(ok("history").out());
		assertThat(db.ok("history", "-r", ":current").out()).isEmpty();
		assertThat(db.tables()).isEmpty();
	}

	@OnEachDatabase
	void rangeFromARevisionTheCodeDoesNotKnowIsAnError(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		db.ok("stamp", "a1");
		db.execute("UPDATE migrate_version SET version_num = 'f00d0000beef'");
		assertThat(db.fails("history", "-r", "current:").err()).contains("f00d0000beef", "unknown");
	}

	private Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
