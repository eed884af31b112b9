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

class ShowCommandTests {

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
	void showsARevisionById() {
		assertThat(ok("show", "d3").out()).isEqualTo("""
				Rev: d3
				Parent: b2
				Branch names: shop
				Path: db/revisions/d3_add_products.sql

				    add products

				    Revision ID: d3
				    Revises: b2
				    Create Date: 2026-11-24 10:30:00

				""");
	}

	@Test
	void showsTheHeadOfABranch() {
		assertThat(ok("show", "shop@head").out()).startsWith("Rev: e4 (head)\n");
	}

	@Test
	void showsTheHeadOfTheBranchHoldingARevision() {
		assertThat(ok("show", "d3@head").out()).startsWith("Rev: e4 (head)\n");
	}

	@Test
	void showsNothingForBase() {
		assertThat(ok("show", "base").out()).isEmpty();
	}

	@Test
	void showsAllHeads() {
		assertThat(ok("show", "heads").out()).startsWith("Rev: c3 (head)\n").contains("\nRev: f3 (head)\n");
	}

	@Test
	void showsARevisionByPrefix() {
		new RevisionFiles(this.dir.resolve("db/revisions")).write("abcdef123456", "long id", "c3");
		assertThat(ok("show", "abcd").out()).startsWith("Rev: abcdef123456 (head)\n");
	}

	@Test
	void headWithSeveralHeadsIsAnError() {
		Result result = this.cli.run("show", "head");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Multiple head revisions are present for given argument 'head': c3, e4, f3");
	}

	@Test
	void unknownTargetIsAnError() {
		Result result = this.cli.run("show", "zz");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: No such revision or branch 'zz'");
	}

	@Test
	void currentNeedsADatabase() {
		Result result = this.cli.run("show", "current");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: show current needs a database").contains("--url");
	}

	@OnEachDatabase
	void showsTheRevisionsTheDatabaseIsAt(Engine engine) {
		DatabaseCli db = databases.cli(engine, this.dir);
		assertThat(db.ok("show", "current").out()).isEmpty();
		db.ok("upgrade", "heads");
		String out = db.ok("show", "current").out();
		assertThat(out).startsWith("Rev: c3 (head)\n").contains("\nRev: f3 (head)\n");
		assertThat(JsonParser.parseArrayOfObjects(db.ok("show", "current", "--format", "json").out()))
			.extracting((revision) -> revision.get("id"))
			.containsExactly("c3", "f3");
	}

	@Test
	void jsonShowsTheRevisions() {
		List<Map<String, Object>> shown = JsonParser.parseArrayOfObjects(ok("show", "heads", "--format", "json").out());
		assertThat(shown).extracting((revision) -> revision.get("id")).containsExactly("c3", "f3");
	}

	private Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
