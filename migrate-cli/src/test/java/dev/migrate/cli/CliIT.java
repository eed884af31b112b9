package dev.migrate.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the built {@code migrate-cli.jar} as a real process on revisions in a temporary directory. */
class CliIT {

	@TempDir
	Path dir;

	private final Map<String, String> environment = new java.util.HashMap<>();

	@BeforeEach
	void jarIsBuilt() {
		MigrateJar.assertBuilt();
	}

	@Test
	void initRevisionAndReadSideCommands() throws IOException {
		ok("init", "db/revisions");
		Result first = ok("revision", "-m", "create users");
		Result second = ok("revision", "-m", "add products table");
		String firstId = id(first);
		String secondId = id(second);
		assertThat(first.out()).matches("Generating .*db[/\\\\]revisions[/\\\\][0-9a-f]{12}_create_users\\.sql \\.\\.\\.  done\\R");
		assertThat(Files.readString(this.dir.resolve("db/revisions/" + secondId + "_add_products_table.sql")))
			.contains("-- Revises: " + firstId + "\n");

		assertThat(ok("heads").out()).isEqualTo(secondId + " (head)" + nl());
		assertThat(ok("history").out()).isEqualTo(firstId + " -> " + secondId + " (head), add products table" + nl()
				+ "<base> -> " + firstId + ", create users" + nl());
		assertThat(ok("show", secondId.substring(0, 6)).out()).startsWith("Rev: " + secondId + " (head)" + nl()
				+ "Parent: " + firstId + nl() + "Path: db" + File.separator + "revisions" + File.separator + secondId
				+ "_add_products_table.sql" + nl());

		assertThat(JsonParser.parseArrayOfObjects(ok("history", "--format", "json").out()))
			.extracting((revision) -> revision.get("id"))
			.containsExactly(secondId, firstId);
		assertThat(JsonParser.parseArrayOfObjects(ok("--format", "json", "heads").out())).singleElement()
			.satisfies((head) -> assertThat(head).containsEntry("id", secondId)
				.containsEntry("downRevisions", List.of(firstId))
				.containsEntry("message", "add products table")
				.containsEntry("isHead", true));
		assertThat(JsonParser.parseArrayOfObjects(ok("show", "head", "--format=json").out())).hasSize(1);
	}

	@Test
	void branchAndMerge() {
		ok("init", "db/revisions");
		ok("revision", "-m", "create users", "--rev-id", "a1");
		ok("revision", "-m", "create audit log", "--head", "base", "--branch-label", "audit", "--rev-id", "b1");
		ok("revision", "-m", "add orders", "--rev-id", "a2", "--head", "a1");
		Result refused = run("revision", "-m", "next");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.err()).contains("Multiple heads are present", "a2, b1");
		assertThat(ok("heads").out()).isEqualTo("a2 (head)" + nl() + "b1 (audit) (head)" + nl());

		ok("merge", "heads", "-m", "merge audit", "--rev-id", "m3");
		assertThat(ok("heads").out()).isEqualTo("m3 (audit) (head)" + nl());
		assertThat(ok("history", "-r", "m3:m3").out())
			.isEqualTo("a2, b1 -> m3 (audit) (head) (mergepoint), merge audit" + nl());
		assertThat(ok("show", "audit@head").out()).startsWith("Rev: m3 (head) (mergepoint)" + nl() + "Merges: a2, b1");
		assertThat(ok("branches").out()).isEmpty();
	}

	@Test
	void javaRevisionCompiledFromTheGeneratedSource() throws IOException {
		ok("init", "db/revisions");
		ok("revision", "-m", "create users", "--rev-id", "a1");
		ok("revision", "-m", "backfill prices", "--rev-id", "b2", "--java", "db.revisions");
		Path source = this.dir.resolve("src/main/java/db/revisions/BackfillPrices_b2.java");
		Path classes = Files.createDirectories(this.dir.resolve("target/classes"));
		compile(source, classes);

		assertThat(ok("heads", "--classpath", "target/classes").out()).isEqualTo("b2 (head)" + nl());
		assertThat(ok("show", "b2", "--classpath", "target/classes").out()).contains("Parent: a1" + nl(),
				"Source: class db.revisions.BackfillPrices_b2" + nl());
		ok("revision", "-m", "after java", "--rev-id", "c3", "--classpath", "target/classes");
		this.environment.put("MIGRATE_CLASSPATH", "target/classes");
		assertThat(ok("history").out()).startsWith("b2 -> c3 (head), after java" + nl()
				+ "a1 -> b2, backfill prices" + nl());
	}

	@Test
	void settingsFromThePropertiesFileAndTheEnvironment() throws IOException {
		ok("init", "revisions");
		ok("revision", "-m", "one", "--rev-id", "a1");
		Files.writeString(this.dir.resolve("migrate.properties"), "format=json" + nl(), StandardCharsets.UTF_8,
				java.nio.file.StandardOpenOption.APPEND);
		assertThat(ok("heads").out()).startsWith("[");
		assertThat(ok("heads", "--format", "text").out()).isEqualTo("a1 (head)" + nl());
		new RevisionFiles(this.dir.resolve("elsewhere")).write("z9", "elsewhere", "");
		this.environment.put("MIGRATE_LOCATION", "filesystem:elsewhere");
		assertThat(ok("heads", "--format", "text").out()).isEqualTo("z9 (head)" + nl());
		assertThat(ok("heads", "--format", "text", "--location", "revisions").out()).isEqualTo("a1 (head)" + nl());
	}

	@Test
	void badGraphIsExitOneNamingTheFile() {
		new RevisionFiles(this.dir.resolve("db/revisions")).write("a1", "one", "")
			.write("b2", "two", "0badc0ffee00");
		Result result = run("history");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("ERROR: ")
			.contains("0badc0ffee00", "db/revisions/b2_two.sql")
			.doesNotContain("\tat ", "Exception");
		assertThat(result.err().lines()).hasSize(1);
		assertThat(run("history", "--debug").err()).contains("\tat ");
	}

	@Test
	void unknownCommandIsExitTwo() {
		Result result = run("upgrayedd");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unmatched argument at index 0: 'upgrayedd'");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void printsVersionAndHelp() {
		assertThat(ok("--version").out()).startsWith("migrate 0.");
		assertThat(ok("revision", "--help").out()).contains("--rev-id", "--depends-on", "--splice", "--java");
	}

	private void compile(Path source, Path classes) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), source.toString()));
		int status = compiler.run(null, null, null, args.toArray(String[]::new));
		assertThat(status).as("javac " + source).isZero();
		try (Stream<Path> files = Files.walk(classes)) {
			assertThat(files.map(Path::toString)).anyMatch((file) -> file.endsWith("BackfillPrices_b2.class"));
		}
	}

	private static String id(Result generated) {
		String line = generated.out().strip();
		String file = line.substring(line.lastIndexOf(File.separatorChar) + 1, line.indexOf(".sql"));
		return file.substring(0, file.indexOf('_'));
	}

	private static String nl() {
		return System.lineSeparator();
	}

	private Result ok(String... args) {
		Result result = run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

	private Result run(String... args) {
		return new MigrateJar(this.dir).env(this.environment).run(args);
	}

}
