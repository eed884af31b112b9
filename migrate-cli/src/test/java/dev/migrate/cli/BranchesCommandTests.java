package dev.migrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

class BranchesCommandTests {

	@TempDir
	Path dir;

	private Cli cli;

	@BeforeEach
	void revisions() {
		RevisionFiles.branched(this.dir.resolve("db/revisions"));
		this.cli = new Cli(this.dir);
	}

	@Test
	void listsBranchPointsAndWhereTheyLead() {
		assertThat(ok("branches").out()).isEqualTo("""
				b2 (branchpoint)
				   -> c3 (head)
				   -> d3 (shop)
				   -> f3 (head)

				""");
	}

	@Test
	void verboseGivesTheEntryAndMessages() {
		assertThat(ok("branches", "--verbose").out()).isEqualTo("""
				Rev: b2 (branchpoint)
				Parent: a1
				Branches into: c3, d3, f3
				Path: db/revisions/b2_add_orders.sql

				    add orders

				    Revision ID: b2
				    Revises: a1
				    Create Date: 2026-11-24 10:30:00

				   -> c3 (head), add order index
				   -> d3 (shop), add products
				   -> f3 (head), add audit log

				""");
	}

	@Test
	void jsonListsBranchPointsWithTheirNextRevisions() {
		List<Map<String, Object>> branches = JsonParser.parseArrayOfObjects(ok("branches", "--format", "json").out());
		assertThat(branches).singleElement()
			.satisfies((b2) -> assertThat(b2).containsEntry("id", "b2")
				.containsEntry("isBranchPoint", true)
				.containsEntry("nextRevisions", List.of("c3", "d3", "f3")));
	}

	@Test
	void linearHistoryHasNoBranches() {
		Path linear = this.dir.resolve("linear");
		new RevisionFiles(linear).write("a1", "one", "").write("b2", "two", "a1");
		assertThat(ok("branches", "--location", "linear").out()).isEmpty();
	}

	private Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
