package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

class MergeCommandTests {

	@TempDir
	Path dir;

	private Cli cli;

	@BeforeEach
	void twoHeads() {
		this.cli = new Cli(this.dir);
		ok("init", "db/revisions");
		ok("revision", "-m", "a", "--rev-id", "a1");
		ok("revision", "-m", "b", "--rev-id", "b2");
		ok("revision", "-m", "c", "--rev-id", "c3");
		ok("revision", "-m", "d", "--rev-id", "d3", "--head", "b2", "--splice");
	}

	@Test
	void mergesAllHeads() throws IOException {
		Result result = ok("merge", "heads", "-m", "merge branches", "--rev-id", "m4");
		Path file = this.dir.resolve("db/revisions/m4_merge_branches.sql");
		assertThat(result.out()).isEqualTo("Generating " + file + " ...  done" + System.lineSeparator());
		assertThat(Files.readString(file)).contains("\n-- Revises: c3, d3\n");
		assertThat(ok("heads").out()).isEqualTo("m4 (head)\n");
		assertThat(ok("history", "-r", "m4:m4").out()).isEqualTo("c3, d3 -> m4 (head) (mergepoint), merge branches\n");
	}

	@Test
	void mergesTheRevisionsGiven() throws IOException {
		ok("merge", "c3", "d3", "-m", "merge", "--rev-id", "m4", "--branch-label", "merged");
		assertThat(Files.readString(this.dir.resolve("db/revisions/m4_merge.sql")))
			.contains("\n-- Revises: c3, d3\n-- Branch Labels: merged\n");
	}

	@Test
	void refusesANonHeadWithoutSplice() {
		Result result = this.cli.run("merge", "b2", "d3", "-m", "merge");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Revision b2 is not a head revision; please specify --splice");
		ok("merge", "b2", "d3", "-m", "merge", "--splice", "--rev-id", "m4");
	}

	@Test
	void refusesTheSameRevisionTwice() {
		Result result = this.cli.run("merge", "c3", "c3", "-m", "merge");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Duplicate head revisions specified: c3");
	}

	@Test
	void writesAJavaMerge() throws IOException {
		ok("merge", "heads", "-m", "merge", "--rev-id", "m4", "--java", "db.revisions");
		assertThat(Files.readString(this.dir.resolve("src/main/java/db/revisions/Merge_m4.java")))
			.contains("revises = { \"c3\", \"d3\" },");
	}

	@Test
	void needsARevision() {
		Result result = this.cli.run("merge", "-m", "merge");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("REV");
	}

	private Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
