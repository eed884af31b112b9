package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

class HeadsCommandTests {

	@TempDir
	Path dir;

	private Cli cli;

	@BeforeEach
	void revisions() {
		RevisionFiles.branched(this.dir.resolve("db/revisions"));
		this.cli = new Cli(this.dir);
	}

	@Test
	void listsHeadsWithLabelsAndEffectiveHeads() {
		assertThat(ok("heads").out()).isEqualTo("""
				c3 (head)
				e4 (shop) (effective head)
				f3 (head)
				""");
	}

	@Test
	void resolveDependenciesLeavesOutHeadsOthersDependOn() {
		assertThat(ok("heads", "--resolve-dependencies").out()).isEqualTo("c3 (head)\nf3 (head)\n");
	}

	@Test
	void verboseGivesTheFullEntries() {
		assertThat(ok("heads", "--verbose").out()).startsWith("""
				Rev: c3 (head)
				Parent: b2
				Path: db/revisions/c3_add_order_index.sql

				    add order index

				    Revision ID: c3
				    Revises: b2
				    Create Date: 2026-11-24 10:30:00

				Rev: e4 (head)
				Parent: d3
				Branch names: shop
				Path: db/revisions/e4_add_prices.sql
				""").contains("""
				Rev: f3 (head)
				Parent: b2
				Also depends on: e4
				""");
	}

	@Test
	void jsonListsTheHeads() {
		List<Map<String, Object>> heads = JsonParser.parseArrayOfObjects(ok("heads", "--format", "json").out());
		assertThat(heads).extracting((head) -> head.get("id")).containsExactly("c3", "e4", "f3");
		Map<String, Object> e4 = heads.get(1);
		assertThat(e4).containsEntry("downRevisions", List.of("d3"))
			.containsEntry("branchLabels", List.of("shop"))
			.containsEntry("dependsOn", List.of())
			.containsEntry("message", "add prices")
			.containsEntry("createDate", "2026-11-24 10:30:00")
			.containsEntry("isHead", true)
			.containsEntry("isEffectiveHead", true)
			.containsEntry("isBranchPoint", false)
			.containsEntry("isMergePoint", false)
			.containsEntry("path", "db/revisions/e4_add_prices.sql");
		assertThat(heads.get(2)).containsEntry("dependsOn", List.of("e4"));
	}

	@Test
	void formatComesFromThePropertiesFile() {
		new RevisionFiles(this.dir).write("migrate.properties", "format=json\n");
		assertThat(ok("heads").out()).startsWith("[\n  {\n    \"id\": \"c3\"");
		assertThat(ok("heads", "--format", "text").out()).startsWith("c3 (head)\n");
	}

	@Test
	void configFileGivenWithLocationsRelativeToIt() {
		new RevisionFiles(this.dir.resolve("conf/revs")).write("x1", "other", "");
		new RevisionFiles(this.dir).write("conf/app.properties", "location=filesystem:revs\n");
		assertThat(ok("heads", "--config", "conf/app.properties").out()).isEqualTo("x1 (head)\n");
		assertThat(ok("--config", "conf/app.properties", "show", "x1").out())
			.contains("Path: " + Path.of("conf/revs/x1_other.sql"));
	}

	@Test
	void emptyFolderHasNoHeads() {
		Path empty = this.dir.resolve("empty");
		new RevisionFiles(empty).write("notes.txt", "not a revision");
		assertThat(ok("heads", "--location", "filesystem:empty").out()).isEmpty();
		assertThat(ok("heads", "--location", "filesystem:empty", "--format", "json").out()).isEqualTo("[]\n");
	}

	@Test
	void locationFromTheEnvironment() {
		new RevisionFiles(this.dir.resolve("other")).write("x1", "other", "");
		assertThat(this.cli.env("MIGRATE_LOCATION", "filesystem:other").run("heads").out()).isEqualTo("x1 (head)\n");
	}

	@Test
	void severalLocationsLoadTogether() {
		new RevisionFiles(this.dir.resolve("more")).write("g4", "more", "c3");
		assertThat(ok("heads", "--location", "db/revisions", "--location", "filesystem:more").out())
			.isEqualTo("e4 (shop) (effective head)\nf3 (head)\ng4 (head)\n");
	}

	@Test
	void badGraphNamesTheFile() {
		new RevisionFiles(this.dir.resolve("db/revisions")).write("g4", "broken", "0badc0ffee00");
		Result result = this.cli.run("heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("ERROR: Revision 0badc0ffee00 referenced from g4 "
				+ "(db/revisions/g4_broken.sql) is not present")
			.doesNotContain("\tat ");
	}

	@Test
	void badFileNamesTheFileAndLine() {
		new RevisionFiles(this.dir.resolve("db/revisions")).write("g4_typo.sql",
				"-- typo\n--\n-- Revison ID: g4\n-- Revises: c3\n\n-- migrate:upgrade\n");
		Result result = this.cli.run("heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: ").contains("db/revisions/g4_typo.sql", "Revison ID");
	}

	private Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).isEmpty();
		return result;
	}

}
