package dev.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.revision.Revision;
import dev.migrate.source.Fingerprint;
import dev.migrate.source.RevisionSource;
import dev.migrate.source.RevisionSourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An upgrade to the heads skips loading revisions that did not change since a run brought the
 * database to their heads, on each database, and loads them whenever anything changed.
 */
class UnchangedRevisionsTests {

	private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

	@TempDir
	Path revisions;

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void upgradeAtTheHeadsOfUnchangedRevisionsLoadsNone(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting source = new Counting();
			assertThat(migrator(database, source).upgrade("heads").steps()).hasSize(3);
			assertThat(source.loads).hasValue(1);
			assertThat(fingerprints(database)).hasSize(1);

			Migrator next = migrator(database, source);
			RunResult result = next.upgrade("heads");
			assertThat(result.steps()).isEmpty();
			assertThat(result.fromHeads()).containsExactly("cc03");
			assertThat(result.toHeads()).containsExactly("cc03");
			assertThat(source.loads).as("loads after a no-op on unchanged revisions").hasValue(1);
			next.validate();
			assertThat(source.loads).as("loads after validate() on unchanged revisions").hasValue(1);
			assertThat(next.heads()).containsExactly("cc03");
			assertThat(source.loads).hasValue(2);
			assertThat(migrator(database, source).upgrade("head").steps()).isEmpty();
			assertThat(source.loads).as("'head' with one recorded head").hasValue(2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void addedRevisionIsLoadedAndApplied(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting source = new Counting();
			migrator(database, source).upgrade("heads");
			write("d.sql", revision("dd04", "cc03"), AN_HOUR_AGO.plusSeconds(4));

			RunResult result = migrator(database, source).upgrade("heads");
			assertThat(result.steps()).hasSize(1);
			assertThat(result.toHeads()).containsExactly("dd04");
			assertThat(source.loads).hasValue(2);
			assertThat(migrator(database, source).upgrade("heads").steps()).isEmpty();
			assertThat(source.loads).hasValue(2);
			assertThat(fingerprints(database)).hasSize(2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void brokenEditIsReportedNamingTheFileAndChangesNothing(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			migrator(database, new Counting()).upgrade("heads");
			write("b.sql", "-- Revision ID: bb02\n-- Revises: aa01\n\nno sections here\n", AN_HOUR_AGO.plusSeconds(30));

			Migrator broken = migrator(database, new Counting());
			assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> broken.upgrade("heads"))
				.withMessageContaining("b.sql");
			assertThat(StepLog.versions(database.dataSource(), "migrate_version")).containsExactly("cc03");
			// the lock was released: a run with the file mended goes through
			write("b.sql", revision("bb02", "aa01"), AN_HOUR_AGO.plusSeconds(40));
			assertThat(migrator(database, new Counting()).upgrade("heads").steps()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void databaseMovedAwayFromTheRecordedHeadsIsUpgradedAgain(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting source = new Counting();
			migrator(database, source).upgrade("heads");
			migrator(database, source).downgrade("-1");
			assertThat(StepLog.versions(database.dataSource(), "migrate_version")).containsExactly("bb02");

			RunResult result = migrator(database, source).upgrade("heads");
			assertThat(result.steps()).hasSize(1);
			assertThat(result.toHeads()).containsExactly("cc03");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void buildsDeployedSideBySideEachKeepTheirFingerprint(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting first = new Counting("first build");
			Counting second = new Counting("second build");
			migrator(database, first).upgrade("heads");
			migrator(database, second).upgrade("heads");
			assertThat(migrator(database, first).upgrade("heads").steps()).isEmpty();
			assertThat(migrator(database, second).upgrade("heads").steps()).isEmpty();
			assertThat(first.loads).hasValue(1);
			assertThat(second.loads).hasValue(1);

			for (int i = 0; i < 12; i++) {
				migrator(database, new Counting("build " + i)).upgrade("heads");
			}
			assertThat(fingerprints(database)).as("the newest fingerprints are kept").hasSize(10);
			migrator(database, first).upgrade("heads");
			assertThat(first.loads).as("an old build's fingerprint was dropped").hasValue(2);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void migratorWhoseGraphLoadedAfterTheFilesChangedGoesByItsGraph(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			Migrator migrator = keptThroughANoOpThenGivenARevision(database);
			// the graph loads now, from the files as they are now
			assertThat(migrator.pending()).hasSize(1);
			assertThat(migrator.upgrade("heads").steps()).as("upgrade applies what pending() lists").hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void reusedMigratorTakesTheFilesAsTheyAreForEachUpgrade(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			Migrator migrator = keptThroughANoOpThenGivenARevision(database);
			assertThat(migrator.upgrade("heads").steps()).hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void reusedMigratorWithItsGraphLoadedSkipsAndRecordsOnce(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting source = new Counting();
			Migrator migrator = migrator(database, source);
			migrator.upgrade("heads");
			List<String> recorded = StepLog.query(database.dataSource(),
					"SELECT fingerprint || ' ' || CAST(recorded_at AS VARCHAR(40)) FROM migrate_version_fingerprint");
			for (int i = 0; i < 2; i++) {
				assertThat(migrator.upgrade("heads").steps()).isEmpty();
			}
			assertThat(StepLog.query(database.dataSource(),
					"SELECT fingerprint || ' ' || CAST(recorded_at AS VARCHAR(40)) FROM migrate_version_fingerprint"))
				.as("the row a no-op found is not written again").isEqualTo(recorded);
			assertThat(source.loads).hasValue(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void fingerprintIsRecordedOfTheFilesTheGraphLoadedFrom(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Migrator migrator = migrator(database, new Counting());
			migrator.validate(); // loads a, b, c, as a command would; the build's fingerprint took them too
			write("d.sql", revision("dd04", "cc03"), AN_HOUR_AGO.plusSeconds(4));
			// a, b, c are applied, but the files changed since they loaded: nothing is recorded
			assertThat(migrator.upgrade("heads").toHeads()).containsExactly("cc03");
			assertThat(fingerprints(database)).isEmpty();

			Migrator later = migrator(database, new Counting());
			Thread.sleep(200); // its fingerprint is of a, b, c, d; then d goes
			Files.delete(this.revisions.resolve("d.sql"));
			assertThat(later.upgrade("heads").steps()).isEmpty();
			// what is recorded is the fingerprint of a, b, c, which the graph loaded from
			Counting next = new Counting();
			assertThat(migrator(database, next).upgrade("heads").steps()).isEmpty();
			assertThat(next.loads).hasValue(0);
			write("d.sql", revision("dd04", "cc03"), AN_HOUR_AGO.plusSeconds(4));
			assertThat(migrator(database, next).upgrade("heads").steps()).hasSize(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void noRevisionsAreNotRecorded(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			Counting source = new Counting();
			migrator(database, source).upgrade("heads");
			migrator(database, source).upgrade("heads");
			assertThat(source.loads).hasValue(2);
			assertThat(tableExists(database)).isFalse();
		}
	}

	/** A version table of another collation than the database's (adopted, or the default changed since). */
	@ParameterizedTest
	@ValueSource(strings = { "mariadb" })
	void versionTableOfAnotherCollationIsReadWithTheRecordedHeads(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			execute(database, "CREATE TABLE migrate_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
					+ " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
			writeRevisions();
			Counting source = new Counting();
			migrator(database, source).upgrade("heads");
			assertThat(migrator(database, source).upgrade("heads").steps()).isEmpty();
			assertThat(source.loads).hasValue(1);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql" })
	void userWhoMayNotCreateTablesRecordsInATableMadeForIt(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			migrator(database, new Counting()).upgrade("heads");
			String role = "fp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
			String schema = StepLog.query(database.dataSource(), "SELECT current_schema()").get(0);
			execute(database, "DELETE FROM migrate_version_fingerprint");
			execute(database, "CREATE ROLE " + role + " LOGIN");
			try {
				execute(database, "GRANT USAGE ON SCHEMA " + schema + " TO " + role);
				execute(database, "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + role);
				DataSource user = new UrlDataSource(database.jdbcUrl(), role, null);
				Counting source = new Counting();
				for (int i = 0; i < 2; i++) {
					assertThat(Migrator.builder().dataSource(user).locations(location()).revisions(source).build()
						.upgrade("heads").steps()).isEmpty();
				}
				assertThat(source.loads).as("the first run records, the second skips").hasValue(1);
			}
			finally {
				execute(database, "DROP OWNED BY " + role);
				execute(database, "DROP ROLE " + role);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void databaseWithoutTheFingerprintTableGetsItOnTheNextUpgrade(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting source = new Counting();
			migrator(database, source).upgrade("heads");
			// as a database migrated before fingerprints were recorded, or adopted from Alembic
			execute(database, "DROP TABLE migrate_version_fingerprint");

			assertThat(migrator(database, source).upgrade("heads").steps()).isEmpty();
			assertThat(source.loads).hasValue(2);
			assertThat(fingerprints(database)).hasSize(1);
			assertThat(migrator(database, source).upgrade("heads").steps()).isEmpty();
			assertThat(source.loads).hasValue(2);
		}
	}

	/**
	 * A view where the table would be (creating it is skipped, writing to it fails), or a
	 * table of that name but another shape (reading the recorded heads fails too).
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			postgresql | CREATE VIEW migrate_version_fingerprint AS SELECT 'x' AS fingerprint, 'y' AS heads
			mariadb    | CREATE VIEW migrate_version_fingerprint AS SELECT 'x' AS fingerprint, 'y' AS heads
			h2         | CREATE VIEW migrate_version_fingerprint AS SELECT 'x' AS fingerprint, 'y' AS heads
			postgresql | CREATE TABLE migrate_version_fingerprint (other_column INT)
			mariadb    | CREATE TABLE migrate_version_fingerprint (other_column INT)
			h2         | CREATE TABLE migrate_version_fingerprint (other_column INT)
			""")
	void fingerprintTableThatCannotBeWrittenOrReadLeavesTheUpgradeAlone(String engine, String obstacle)
			throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			execute(database, obstacle);
			writeRevisions();
			Counting source = new Counting();
			assertThat(migrator(database, source).upgrade("heads").steps()).hasSize(3);
			assertThat(migrator(database, source).upgrade("heads").steps()).isEmpty();
			assertThat(source.loads).hasValue(2);
			assertThat(StepLog.versions(database.dataSource(), "migrate_version")).containsExactly("cc03");
		}
	}

	/**
	 * Revisions a supplier gives, which cannot be fingerprinted, or skipping turned off: every
	 * upgrade loads the revisions, and nothing is recorded.
	 */
	@ParameterizedTest
	@CsvSource({ "postgresql, supplier", "h2, supplier", "postgresql, off", "h2, off" })
	void revisionsAreLoadedEachTimeWithoutAFingerprint(String engine, String without) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting source = new Counting();
			for (int i = 0; i < 2; i++) {
				Migrator.Builder builder = Migrator.builder().dataSource(database.dataSource()).locations(location());
				if (without.equals("supplier")) {
					builder.revisions(source::load);
				}
				else {
					builder.revisions(source).skipUnchangedRevisions(false);
				}
				builder.build().upgrade("heads");
			}
			assertThat(source.loads).hasValue(2);
			assertThat(fingerprints(database)).isEmpty();
			assertThat(tableExists(database)).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2" })
	void otherTargetsAndCommandsLoadTheRevisions(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			writeRevisions();
			Counting source = new Counting();
			migrator(database, source).upgrade("heads");
			assertThat(migrator(database, source).upgrade("cc03").steps()).isEmpty();
			assertThat(migrator(database, source).info().pending()).isEmpty();
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> migrator(database, source).upgrade("+1"));
			assertThat(source.loads).hasValue(4);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "mariadb", "h2" })
	void fingerprintRowWithoutHeadsOfAnotherFingerprintLeavesTheUpgradeAlone(String engine) throws Exception {
		try (IsolatedDatabase database = database(engine)) {
			execute(database, "CREATE TABLE migrate_version_fingerprint (fingerprint VARCHAR(64), heads VARCHAR(200))");
			execute(database, "INSERT INTO migrate_version_fingerprint VALUES ('0123456789abcdef0123456789abcdef', NULL)");
			writeRevisions();
			Counting source = new Counting();
			assertThat(migrator(database, source).upgrade("heads").steps()).hasSize(3);
			assertThat(migrator(database, source).upgrade("heads").steps()).isEmpty();
			assertThat(source.loads).hasValue(2);
		}
	}

	/**
	 * A migrator whose first upgrade found the database at the heads of unchanged revisions,
	 * after which a fourth revision file is written.
	 */
	private Migrator keptThroughANoOpThenGivenARevision(IsolatedDatabase database) throws IOException {
		writeRevisions();
		migrator(database, new Counting()).upgrade("heads");
		Migrator migrator = migrator(database, new Counting());
		assertThat(migrator.upgrade("heads").steps()).isEmpty();
		write("d.sql", revision("dd04", "cc03"), AN_HOUR_AGO.plusSeconds(4));
		return migrator;
	}

	private Migrator migrator(IsolatedDatabase database, RevisionSource source) {
		return Migrator.builder().dataSource(database.dataSource()).locations(location()).revisions(source).build();
	}

	private String location() {
		return "filesystem:" + this.revisions;
	}

	private void writeRevisions() throws IOException {
		write("a.sql", revision("aa01", null), AN_HOUR_AGO.plusSeconds(1));
		write("b.sql", revision("bb02", "aa01"), AN_HOUR_AGO.plusSeconds(2));
		write("c.sql", revision("cc03", "bb02"), AN_HOUR_AGO.plusSeconds(3));
	}

	private void write(String name, String content, Instant modified) throws IOException {
		Path file = this.revisions.resolve(name);
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

	private static String revision(String id, String revises) {
		return "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + ((revises != null) ? revises : "")
				+ "\n\n-- migrate:upgrade\nCREATE TABLE t_" + id + " (id int);\n\n-- migrate:downgrade\nDROP TABLE t_"
				+ id + ";\n";
	}

	private static IsolatedDatabase database(String engine) {
		return switch (engine) {
			case "postgresql" -> IsolatedDatabases.postgres();
			case "mariadb" -> IsolatedDatabases.mariadb();
			default -> IsolatedDatabases.h2();
		};
	}

	private static List<String> fingerprints(IsolatedDatabase database) throws SQLException {
		return tableExists(database) ? StepLog.query(database.dataSource(),
				"SELECT fingerprint FROM migrate_version_fingerprint") : List.of();
	}

	private static boolean tableExists(IsolatedDatabase database) throws SQLException {
		try (Connection connection = database.connection();
				var tables = connection.getMetaData()
					.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (tables.next()) {
				if (tables.getString("TABLE_NAME").equalsIgnoreCase("migrate_version_fingerprint")) {
					return true;
				}
			}
			return false;
		}
	}

	private static void execute(IsolatedDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** A source of no revisions of its own that counts how often it is loaded. */
	static final class Counting implements RevisionSource {

		final AtomicInteger loads = new AtomicInteger();

		private final String build;

		Counting() {
			this("build");
		}

		/** @param build told apart in the fingerprint, as another build of the application would be */
		Counting(String build) {
			this.build = build;
		}

		@Override
		public boolean fingerprint(Fingerprint fingerprint) {
			fingerprint.add(this.build);
			return true;
		}

		@Override
		public Collection<Revision> load() {
			this.loads.incrementAndGet();
			return List.of();
		}

	}

}
