package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.LockMode;
import dev.migrate.TransactionMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SettingsTests {

	@TempDir
	Path dir;

	private final GlobalOptions options = new GlobalOptions();

	private final Map<String, String> environment = new HashMap<>();

	@Test
	void defaultsToFilesystemDbRevisionsAndText() {
		Settings settings = resolve();
		assertThat(settings.locations()).extracting(LocationSetting::resolved)
			.containsExactly("filesystem:" + this.dir.resolve("db/revisions"));
		assertThat(settings.locations().get(0).defaulted()).isTrue();
		assertThat(settings.format()).isEqualTo(Format.TEXT);
		assertThat(settings.configFile()).isNull();
		assertThat(settings.url()).isNull();
	}

	@Test
	void commandLineWinsOverEnvironmentWhichWinsOverFile() throws IOException {
		Files.writeString(this.dir.resolve("migrate.properties"),
				"url=jdbc:file\nuser=file-user\npassword=file-pw\ntable=file_table\nschema=file_schema\nformat=json\n");
		this.environment.put("MIGRATE_URL", "jdbc:env");
		this.environment.put("MIGRATE_USER", "env-user");
		this.options.url = "jdbc:cli";
		Settings settings = resolve();
		assertThat(settings.url()).isEqualTo("jdbc:cli");
		assertThat(settings.user()).isEqualTo("env-user");
		assertThat(settings.password()).isEqualTo("file-pw");
		assertThat(settings.table()).isEqualTo("file_table");
		assertThat(settings.schema()).isEqualTo("file_schema");
		assertThat(settings.format()).isEqualTo(Format.JSON);
		assertThat(settings.origins()).containsEntry("url", "--url")
			.containsEntry("user", "MIGRATE_USER")
			.containsEntry("password", this.dir.resolve("migrate.properties") + " (password)");
	}

	@Test
	void readsEveryEnvironmentVariable() {
		this.environment.put("MIGRATE_LOCATION", "filesystem:a, classpath:b/c/");
		this.environment.put("MIGRATE_CLASSPATH", "lib/x.jar");
		this.environment.put("MIGRATE_URL", "jdbc:h2:mem:x");
		this.environment.put("MIGRATE_USER", "u");
		this.environment.put("MIGRATE_PASSWORD", "p");
		this.environment.put("MIGRATE_TABLE", "t");
		this.environment.put("MIGRATE_SCHEMA", "s");
		Settings settings = resolve();
		assertThat(settings.locations()).extracting(LocationSetting::resolved)
			.containsExactly("filesystem:" + this.dir.resolve("a"), "classpath:b/c");
		assertThat(settings.classpath()).containsExactly(this.dir.resolve("lib/x.jar"));
		assertThat(List.of(settings.url(), settings.user(), settings.password(), settings.table(), settings.schema()))
			.containsExactly("jdbc:h2:mem:x", "u", "p", "t", "s");
	}

	@Test
	void commandLineLocationsReplaceEnvironmentLocations() {
		this.environment.put("MIGRATE_LOCATION", "filesystem:env");
		this.options.locations = List.of("cli1", "filesystem:cli2");
		assertThat(resolve().locations()).extracting(LocationSetting::resolved)
			.containsExactly("filesystem:" + this.dir.resolve("cli1"), "filesystem:" + this.dir.resolve("cli2"));
	}

	@Test
	void fileLocationsAreRelativeToTheFile() throws IOException {
		Path config = Files.createDirectories(this.dir.resolve("conf")).resolve("m.properties");
		Files.writeString(config, "location=filesystem:revs, classpath:db/revisions\nclasspath=classes\n");
		this.options.config = "conf/m.properties";
		Settings settings = resolve();
		assertThat(settings.configFile()).isEqualTo(config);
		assertThat(settings.locations()).extracting(LocationSetting::resolved)
			.containsExactly("filesystem:" + this.dir.resolve("conf/revs"), "classpath:db/revisions");
		assertThat(settings.classpath()).containsExactly(this.dir.resolve("conf/classes"));
	}

	@Test
	void classpathAddsTheDefaultClasspathLocation() {
		this.options.classpath = List.of("a.jar" + java.io.File.pathSeparator + "b", "c");
		Settings settings = resolve();
		assertThat(settings.classpath()).containsExactly(this.dir.resolve("a.jar"), this.dir.resolve("b"),
				this.dir.resolve("c"));
		assertThat(settings.locations()).extracting(LocationSetting::resolved)
			.containsExactly("filesystem:" + this.dir.resolve("db/revisions"), "classpath:db/revisions");
	}

	@Test
	void classpathKeepsAGivenClasspathLocation() {
		this.options.classpath = List.of("classes");
		this.options.locations = List.of("classpath:com/example/revisions");
		assertThat(resolve().locations()).extracting(LocationSetting::resolved)
			.containsExactly("classpath:com/example/revisions");
	}

	@Test
	void missingExplicitConfigFileIsAnError() {
		this.options.config = "nope.properties";
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageContaining("nope.properties (from --config) does not exist");
	}

	@Test
	void unknownKeyInFileIsAnError() throws IOException {
		Files.writeString(this.dir.resolve("migrate.properties"), "lcation=filesystem:x\n");
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageContaining("Unknown key 'lcation'")
			.withMessageContaining("migrate.properties")
			.withMessageContaining("location");
	}

	@Test
	void badFormatInFileIsAnError() throws IOException {
		Files.writeString(this.dir.resolve("migrate.properties"), "format=yaml\n");
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageContaining("Key 'format'")
			.withMessageContaining("'yaml'; use text or json");
	}

	@Test
	void unknownLocationPrefixIsAnError() {
		this.options.locations = List.of("s3:bucket/revisions");
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageContaining("Location 's3:bucket/revisions' from --location has an unknown prefix");
	}

	@Test
	void databaseSettingsDefaultToTheEngine() {
		Settings settings = resolve();
		assertThat(settings.historyTable()).isNull();
		assertThat(settings.dialect()).isNull();
		assertThat(settings.lockTimeout()).isNull();
		assertThat(settings.statementTimeout()).isNull();
		assertThat(settings.statementLockTimeout()).isNull();
		assertThat(settings.lockMode()).isEqualTo(LockMode.ADVISORY);
		assertThat(settings.transactionMode()).isEqualTo(TransactionMode.PER_REVISION);
		assertThat(settings.ignoreUnknown()).isFalse();
	}

	@Test
	void readsTheDatabaseSettingsFromTheCommandLine() {
		this.options.historyTable = "steps";
		this.options.dialect = "h2";
		this.options.lockTimeout = "90s";
		this.options.statementTimeout = "500ms";
		this.options.statementLockTimeout = "PT2S";
		this.options.lockMode = "TABLE";
		this.options.transactionMode = "all";
		this.options.ignoreUnknown = true;
		Settings settings = resolve();
		assertThat(settings.historyTable()).isEqualTo("steps");
		assertThat(settings.dialect()).isEqualTo("h2");
		assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(90));
		assertThat(settings.statementTimeout()).isEqualTo(Duration.ofMillis(500));
		assertThat(settings.statementLockTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.lockMode()).isEqualTo(LockMode.TABLE);
		assertThat(settings.transactionMode()).isEqualTo(TransactionMode.ALL);
		assertThat(settings.ignoreUnknown()).isTrue();
		assertThat(settings.origins()).containsEntry("lock-timeout", "--lock-timeout")
			.containsEntry("ignore-unknown", "--ignore-unknown");
	}

	@Test
	void readsTheDatabaseSettingsFromTheEnvironmentAndTheFile() throws IOException {
		Files.writeString(this.dir.resolve("migrate.properties"), "lock-timeout=1m\nlock-mode=table\n"
				+ "transaction-mode=per_revision\nignore-unknown=true\nhistory-table=file_history\n");
		this.environment.put("MIGRATE_LOCK_TIMEOUT", "10");
		this.environment.put("MIGRATE_STATEMENT_LOCK_TIMEOUT", "3s");
		this.environment.put("MIGRATE_IGNORE_UNKNOWN", "false");
		this.environment.put("MIGRATE_DIALECT", "mariadb");
		Settings settings = resolve();
		assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.statementLockTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(settings.ignoreUnknown()).isFalse();
		assertThat(settings.dialect()).isEqualTo("mariadb");
		assertThat(settings.lockMode()).isEqualTo(LockMode.TABLE);
		assertThat(settings.transactionMode()).isEqualTo(TransactionMode.PER_REVISION);
		assertThat(settings.historyTable()).isEqualTo("file_history");
	}

	@Test
	void badDurationNamesWhereItComesFrom() throws IOException {
		this.options.lockTimeout = "soon";
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessage("--lock-timeout is 'soon'; give a duration such as 500ms, 30s, 5m, 1h or PT5M");
		this.options.lockTimeout = null;
		this.environment.put("MIGRATE_STATEMENT_TIMEOUT", "-5s");
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageStartingWith("MIGRATE_STATEMENT_TIMEOUT is '-5s'");
		this.environment.clear();
		Files.writeString(this.dir.resolve("migrate.properties"), "statement-lock-timeout=5 minutes\n");
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageStartingWith("Key 'statement-lock-timeout' in configuration file "
					+ this.dir.resolve("migrate.properties") + " is '5 minutes'");
	}

	@Test
	void badChoiceListsTheChoices() throws IOException {
		this.options.lockMode = "session";
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessage("--lock-mode is 'session'; use one of advisory, table");
		this.options.lockMode = null;
		Files.writeString(this.dir.resolve("migrate.properties"), "transaction-mode=each\nignore-unknown=yes\n");
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageEndingWith("is 'each'; use one of per-revision, all");
		this.options.transactionMode = "all";
		assertThatExceptionOfType(CliException.class).isThrownBy(this::resolve)
			.withMessageEndingWith("is 'yes'; use true or false");
	}

	private Settings resolve() {
		return Settings.resolve(this.options, this.environment, this.dir);
	}

}
