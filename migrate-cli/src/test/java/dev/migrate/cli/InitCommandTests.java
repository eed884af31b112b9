package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.cli.Cli.Result;

import static org.assertj.core.api.Assertions.assertThat;

class InitCommandTests {

	@TempDir
	Path dir;

	@Test
	void createsTheFolderAndACommentedPropertiesFile() throws IOException {
		Result result = new Cli(this.dir).run("init", "db/revisions");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.dir.resolve("db/revisions")).isEmptyDirectory();
		String properties = Files.readString(this.dir.resolve("migrate.properties"));
		assertThat(properties).contains("\nlocation=filesystem:db/revisions\n", "\n#url=", "\n#user=",
				"\n#password=", "\n#table=", "\n#schema=");
		assertThat(result.out()).contains("Creating directory " + this.dir.resolve("db/revisions") + " ...  done")
			.contains("Generating " + this.dir.resolve("migrate.properties") + " ...  done")
			.contains("Please edit configuration/connection settings in " + this.dir.resolve("migrate.properties"));
		assertThat(result.err()).isEmpty();
	}

	@Test
	void writesTheLocationThatSettingsReadBack() {
		new Cli(this.dir).run("init", "revisions");
		Settings settings = Settings.resolve(new GlobalOptions(), java.util.Map.of(), this.dir);
		assertThat(settings.locations()).extracting(LocationSetting::directory)
			.containsExactly(this.dir.resolve("revisions"));
	}

	@Test
	void writesEverySettingAsACommentThatReadsBackWhenUncommented() throws IOException {
		new Cli(this.dir).run("init", "revisions");
		Path file = this.dir.resolve("migrate.properties");
		String properties = Files.readString(file);
		for (String key : Settings.KEYS) {
			assertThat(properties).containsPattern("(?m)^#?" + key + "=");
		}
		Files.writeString(file, properties.replaceAll("(?m)^#([a-z-]+=)", "$1"));
		Settings settings = Settings.resolve(new GlobalOptions(), java.util.Map.of(), this.dir);
		assertThat(settings.url()).isEqualTo("jdbc:postgresql://localhost:5432/app");
		assertThat(settings.lockTimeout()).isEqualTo(java.time.Duration.ofMinutes(5));
		assertThat(settings.statementTimeout()).isNull();
		assertThat(settings.statementLockTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
		assertThat(settings.historyTable()).isEqualTo("migrate_history");
		assertThat(settings.dialect()).isEqualTo("postgresql");
	}

	@Test
	void acceptsAnExistingEmptyFolder() throws IOException {
		Files.createDirectories(this.dir.resolve("db/revisions"));
		Result result = new Cli(this.dir).run("init", "db/revisions");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).doesNotContain("Creating directory");
	}

	@Test
	void writesToTheConfigFileGiven() {
		Result result = new Cli(this.dir).run("init", "db/revisions", "--config", "conf/migrate.properties");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.dir.resolve("conf/migrate.properties")).content().contains("location=filesystem:../db/revisions");
	}

	@Test
	void refusesAFolderThatIsNotEmpty() throws IOException {
		Files.createDirectories(this.dir.resolve("db/revisions"));
		Files.writeString(this.dir.resolve("db/revisions/x.sql"), "");
		Result result = new Cli(this.dir).run("init", "db/revisions");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("ERROR: Directory " + this.dir.resolve("db/revisions")
				+ " already exists and is not empty");
		assertThat(this.dir.resolve("migrate.properties")).doesNotExist();
	}

	@Test
	void refusesAnExistingPropertiesFile() throws IOException {
		Files.writeString(this.dir.resolve("migrate.properties"), "url=x\n");
		Result result = new Cli(this.dir).run("init", "db/revisions");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("migrate.properties already exists");
		assertThat(this.dir.resolve("db/revisions")).doesNotExist();
		assertThat(this.dir.resolve("migrate.properties")).hasContent("url=x");
	}

	@Test
	void needsADirectory() {
		Result result = new Cli(this.dir).run("init");
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Missing required parameter: 'DIR'");
	}

}
