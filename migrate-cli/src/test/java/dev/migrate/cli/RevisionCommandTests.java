package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionCommandTests {

	@TempDir
	Path dir;

	private Cli cli;

	@BeforeEach
	void init() {
		this.cli = new Cli(this.dir);
		ok("init", "db/revisions");
	}

	@Test
	void firstRevisionIsABase() throws IOException {
		Result result = ok("revision", "-m", "create users", "--rev-id", "a1");
		Path file = this.dir.resolve("db/revisions/a1_create_users.sql");
		assertThat(result.out()).isEqualTo("Generating " + file + " ...  done" + System.lineSeparator());
		assertThat(Files.readString(file)).isEqualTo("""
				-- create users
				--
				-- Revision ID: a1
				-- Revises:
				-- Create Date: 2026-11-24 10:30:00

				-- migrate:upgrade


				-- migrate:downgrade

				""");
	}

	@Test
	void nextRevisionRevisesTheHead() throws IOException {
		ok("revision", "-m", "create users", "--rev-id", "a1");
		ok("revision", "-m", "add products table", "--rev-id", "b2");
		assertThat(read("b2_add_products_table.sql")).contains("\n-- Revises: a1\n");
		assertThat(ok("heads").out()).isEqualTo("b2 (head)\n");
	}

	@Test
	void generatesTwelveHexDigitIds() throws IOException {
		ok("revision", "-m", "create users");
		try (var files = Files.list(this.dir.resolve("db/revisions"))) {
			assertThat(files.map((file) -> file.getFileName().toString()).toList()).singleElement()
				.asString()
				.matches("[0-9a-f]{12}_create_users\\.sql");
		}
	}

	@Test
	void withoutAMessageWritesEmptyMessage() throws IOException {
		ok("revision", "--rev-id", "a1");
		assertThat(read("a1_.sql")).startsWith("-- empty message\n");
	}

	@Test
	void messageWithAColonLoadsBack() {
		ok("revision", "-m", "fix: keep nulls", "--rev-id", "a1");
		assertThat(ok("history").out()).isEqualTo("<base> -> a1 (head), fix: keep nulls\n");
	}

	@Test
	void refusesAnInvalidRevId() {
		Result result = this.cli.run("revision", "-m", "x", "--rev-id", "no-dashes");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Revision id 'no-dashes' in --rev-id is not valid");
		assertThat(this.dir.resolve("db/revisions")).isEmptyDirectory();
	}

	@Test
	void refusesAnExistingRevId() {
		ok("revision", "-m", "one", "--rev-id", "a1");
		Result result = this.cli.run("revision", "-m", "two", "--rev-id", "a1");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Revision id a1 (from --rev-id) already exists in db/revisions/a1_one.sql");
	}

	@Test
	void refusesToGuessAmongSeveralHeads() {
		ok("revision", "-m", "one", "--rev-id", "a1");
		ok("revision", "-m", "two", "--rev-id", "b1", "--head", "base", "--branch-label", "other");
		Result result = this.cli.run("revision", "-m", "three");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: Multiple heads are present; please specify the head revision on "
				+ "which the new revision should be based, or perform a merge. Heads: a1, b1 (use --head REV");
	}

	@Test
	void buildsOnTheHeadGiven() throws IOException {
		ok("revision", "-m", "one", "--rev-id", "a1");
		ok("revision", "-m", "two", "--rev-id", "b1", "--head", "base", "--branch-label", "other");
		ok("revision", "-m", "three", "--rev-id", "b2", "--head", "other@head");
		ok("revision", "-m", "four", "--rev-id", "a2", "--head", "a1");
		assertThat(read("b2_three.sql")).contains("\n-- Revises: b1\n");
		assertThat(read("a2_four.sql")).contains("\n-- Revises: a1\n");
	}

	@Test
	void newBaseWithABranchLabel() throws IOException {
		ok("revision", "-m", "one", "--rev-id", "a1");
		ok("revision", "-m", "audit", "--rev-id", "b1", "--head", "base", "--branch-label", "audit");
		assertThat(read("b1_audit.sql")).contains("\n-- Revises:\n-- Branch Labels: audit\n");
		assertThat(ok("heads").out()).isEqualTo("a1 (head)\nb1 (audit) (head)\n");
	}

	@Test
	void refusesANonHeadWithoutSplice() {
		ok("revision", "-m", "one", "--rev-id", "a1");
		ok("revision", "-m", "two", "--rev-id", "a2");
		Result result = this.cli.run("revision", "-m", "three", "--head", "a1");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("ERROR: Revision a1 is not a head revision; please specify --splice to "
				+ "create a new branch from this revision" + System.lineSeparator());
	}

	@Test
	void splicesANewBranchFromANonHead() {
		ok("revision", "-m", "one", "--rev-id", "a1");
		ok("revision", "-m", "two", "--rev-id", "a2");
		ok("revision", "-m", "three", "--rev-id", "b2", "--head", "a1", "--splice");
		assertThat(ok("heads").out()).isEqualTo("a2 (head)\nb2 (head)\n");
		assertThat(ok("branches").out()).isEqualTo("a1 (branchpoint)\n   -> a2 (head)\n   -> b2 (head)\n\n");
	}

	@Test
	void refusesHeadsAsHead() {
		ok("revision", "-m", "one", "--rev-id", "a1");
		Result result = this.cli.run("revision", "-m", "two", "--head", "heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("--head heads names several revisions", "migrate merge heads");
	}

	@Test
	void refusesAnUnknownHead() {
		ok("revision", "-m", "one", "--rev-id", "a1");
		Result result = this.cli.run("revision", "-m", "two", "--head", "zzzz");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("zzzz");
	}

	@Test
	void dependsOnResolvesPrefixesAndKeepsBranchLabels() throws IOException {
		ok("revision", "-m", "one", "--rev-id", "a1aaaaaa");
		ok("revision", "-m", "audit", "--rev-id", "b1", "--head", "base", "--branch-label", "audit");
		ok("revision", "-m", "three", "--rev-id", "a2", "--head", "a1aaaaaa", "--depends-on", "a1aa",
				"--depends-on", "audit");
		assertThat(read("a2_three.sql")).contains("\n-- Depends On: a1aaaaaa, audit\n");
		assertThat(ok("history", "-r", "a2:a2").out()).isEqualTo("a1aaaaaa (a1aaaaaa, audit) -> a2 (head), three\n");
	}

	@Test
	void refusesAnUnknownDependency() {
		ok("revision", "-m", "one", "--rev-id", "a1");
		Result result = this.cli.run("revision", "-m", "two", "--depends-on", "invalid");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("'invalid'");
	}

	@Test
	void refusesABranchLabelInUse() {
		ok("revision", "-m", "one", "--rev-id", "a1", "--branch-label", "shop");
		Result result = this.cli.run("revision", "-m", "two", "--rev-id", "b1", "--head", "base", "--branch-label",
				"shop");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Branch name 'shop' in revision b1 already used by revision a1 "
				+ "(db/revisions/a1_one.sql)");
		Result id = this.cli.run("revision", "-m", "two", "--head", "base", "--branch-label", "a1");
		assertThat(id.exitCode()).isEqualTo(1);
		assertThat(id.err()).contains("Branch name 'a1'", "is already a revision id");
	}

	@Test
	void nonTransactionalRevision() throws IOException {
		ok("revision", "-m", "concurrent index", "--rev-id", "a1", "--non-transactional");
		assertThat(read("a1_concurrent_index.sql")).contains("\n-- Transactional: false\n");
		assertThat(ok("heads", "--format", "json").out()).contains("\"transactional\": false");
	}

	@Test
	void createsTheDefaultLocationWhenOnlyClasspathLocationsLoad() throws IOException {
		Files.delete(this.dir.resolve("migrate.properties"));
		Files.delete(this.dir.resolve("db/revisions"));
		Files.createDirectories(this.dir.resolve("classes"));
		Result result = ok("revision", "-m", "one", "--rev-id", "a1", "--classpath", "classes");
		assertThat(result.out()).contains("Creating directory " + this.dir.resolve("db/revisions") + " ...  done");
		assertThat(this.dir.resolve("db/revisions/a1_one.sql")).exists();
	}

	@Test
	void needsAFilesystemLocationForSql() throws IOException {
		Files.createDirectories(this.dir.resolve("classes/db/revisions"));
		Result result = this.cli.run("revision", "-m", "one", "--location", "classpath:db/revisions", "--classpath",
				"classes");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("No filesystem: location to write the new revision into");
	}

	@Test
	void writesAJavaRevision() throws IOException {
		ok("revision", "-m", "create users", "--rev-id", "a1");
		Result result = ok("revision", "-m", "backfill prices", "--rev-id", "b2", "--java", "db.revisions",
				"--branch-label", "prices");
		Path file = this.dir.resolve("src/main/java/db/revisions/BackfillPrices_b2.java");
		assertThat(result.out()).contains("Generating " + file + " ...  done",
				"--location classpath:db/revisions");
		assertThat(Files.readString(file)).contains("package db.revisions;", "id = \"b2\",", "revises = \"a1\",",
				"branchLabels = \"prices\",", "message = \"backfill prices\",",
				"public class BackfillPrices_b2 implements Migration {");
	}

	@Test
	void writesAJavaRevisionIntoTheDirectoryGiven() throws IOException {
		Files.createDirectories(this.dir.resolve("classes/com/example"));
		Result result = ok("revision", "-m", "one", "--rev-id", "a1", "--java", "com.example.db", "--java-dir",
				"app/src", "--location", "filesystem:db/revisions", "--location", "classpath:com/example",
				"--classpath", "classes");
		assertThat(this.dir.resolve("app/src/com/example/db/One_a1.java")).exists();
		assertThat(result.out()).doesNotContain("Note:");
	}

	@Test
	void refusesAnInvalidJavaPackage() {
		Result result = this.cli.run("revision", "-m", "one", "--java", "db.class");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("--java db.class is not a Java package name");
	}

	private String read(String name) throws IOException {
		return Files.readString(this.dir.resolve("db/revisions").resolve(name));
	}

	private Result ok(String... args) {
		Result result = this.cli.run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

}
