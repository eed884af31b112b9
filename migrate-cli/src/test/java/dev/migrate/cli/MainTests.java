package dev.migrate.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

class MainTests {

	@TempDir
	Path dir;

	@Test
	void printsTheVersion() {
		Result result = new Cli(this.dir).run("--version");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).matches("migrate \\S+\\R");
	}

	@Test
	void printsHelpListingEveryCommand() {
		Result result = new Cli(this.dir).run("--help");
		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("init", "revision", "merge", "heads", "branches", "history", "show",
				"--location", "--classpath", "--format", "--config");
	}

	@Test
	void printsHelpOfEveryCommand() {
		for (String command : new String[] { "init", "revision", "merge", "heads", "branches", "history", "show" }) {
			Result result = new Cli(this.dir).run(command, "--help");
			assertThat(result.exitCode()).as(command).isZero();
			assertThat(result.out()).as(command).contains("Usage: migrate " + command, "--location");
		}
	}

	@Test
	void unknownCommandIsAUsageError() {
		Result result = new Cli(this.dir).run("upgrayedd");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unmatched argument at index 0: 'upgrayedd'");
	}

	@Test
	void unknownOptionIsAUsageError() {
		Result result = new Cli(this.dir).run("heads", "--verbosity");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown option: '--verbosity'");
	}

	@Test
	void badFormatIsAUsageError() {
		Result result = new Cli(this.dir).run("heads", "--format", "yaml");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("--format");
	}

	@Test
	void noCommandPrintsUsageAsAUsageError() {
		Result result = new Cli(this.dir).run();
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Usage: migrate");
	}

	@Test
	void globalOptionsWorkBeforeAndAfterTheCommand() {
		Result before = new Cli(this.dir).run("--location", "filesystem:nowhere", "heads");
		Result after = new Cli(this.dir).run("heads", "--location", "filesystem:nowhere");
		assertThat(before.exitCode()).isEqualTo(1);
		assertThat(before.err()).contains("Location filesystem:nowhere does not exist");
		assertThat(after.err()).isEqualTo(before.err());
	}

	@Test
	void missingLocationSuggestsInit() {
		Result result = new Cli(this.dir).run("heads");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("ERROR: Location filesystem:db/revisions does not exist ("
				+ this.dir.resolve("db/revisions") + "); create it with 'migrate init db/revisions', or point "
				+ "--location (or 'location' in migrate.properties) at your revisions" + System.lineSeparator());
	}

	@Test
	void debugPrintsWhereSettingsComeFromAndTheStackTrace() {
		Result result = new Cli(this.dir).env("MIGRATE_URL", "jdbc:h2:mem:x").run("heads", "--debug");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("DEBUG: url from MIGRATE_URL", "ERROR: Location", "\tat dev.migrate.cli.");
	}

	@Test
	void unexpectedErrorsAreOneLineWithAHintWithoutDebug() {
		StringWriter err = new StringWriter();
		CliContext context = new CliContext(Map.of(), this.dir, new PrintWriter(new StringWriter()),
				new PrintWriter(err), Clock.systemUTC(), new Random());
		assertThat(Main.report(new IllegalStateException("boom"), context, false)).isEqualTo(1);
		assertThat(err.toString()).isEqualTo("ERROR: java.lang.IllegalStateException: boom (run with --debug for the "
				+ "stack trace)" + System.lineSeparator());
		assertThat(Main.report(new IllegalStateException("boom"), context, true)).isEqualTo(1);
		assertThat(err.toString()).contains("\tat dev.migrate.cli.MainTests.");
	}

	@Test
	void errorsHaveNoStackTraceWithoutDebug() {
		Result result = new Cli(this.dir).run("heads");
		assertThat(result.err()).doesNotContain("\tat ");
	}

}
