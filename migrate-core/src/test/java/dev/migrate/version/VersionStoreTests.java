package dev.migrate.version;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.IsolatedDatabases;
import dev.migrate.IsolatedDatabases.IsolatedDatabase;
import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.info.HistoryEntry;
import dev.migrate.revision.VersionChange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The version and history tables on each database. */
class VersionStoreTests {

	static IsolatedDatabase database(String engine) {
		return switch (engine) {
			case "postgresql" -> IsolatedDatabases.postgres();
			case "mariadb" -> IsolatedDatabases.mariadb();
			default -> IsolatedDatabases.h2();
		};
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "mariadb" })
	void readingAMissingTableCreatesNothing(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			VersionStore store = store(connection);
			assertThat(store.heads(connection)).isEmpty();
			assertThat(store.history(connection)).isEmpty();
			assertThat(store.exists(connection)).isFalse();
			assertThat(store.historyExists(connection)).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "mariadb" })
	void tablesWhoseNamesHoldQuotesOrBackslashesAreFound(String engine) throws SQLException {
		// names with quotes are written into the statement that asks whether the tables exist,
		// names with a backslash are bound to it
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			assertFoundOnlyOnceCreated(connection, "it's ver", "O'Hist");
			assertFoundOnlyOnceCreated(connection, "it's \\ver", "O\\'Hist");
		}
	}

	@Test
	void mariaDbWithoutBackslashEscapesFindsATableWhoseNameHoldsABackslash() throws SQLException {
		try (IsolatedDatabase database = IsolatedDatabases.mariadb(); Connection connection = database.connection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')");
			}
			assertFoundOnlyOnceCreated(connection, "it's \\ver", "O\\'Hist");
		}
	}

	private static void assertFoundOnlyOnceCreated(Connection connection, String table, String other) {
		VersionStore store = new VersionStore(Dialect.forConnection(connection), new VersionTables(null, table, other));
		assertThat(store.tablesExist(connection, table, other)).containsExactly(false, false);
		assertThat(store.createVersionTable(connection)).isTrue();
		assertThat(store.exists(connection)).isTrue();
		assertThat(store.tablesExist(connection, table, other)).containsExactly(true, false);
		assertThat(store.tablesExist(connection, table + "2", other)).containsExactly(false, false);
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "mariadb" })
	void keepsOneRowPerHead(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			VersionStore store = store(connection);
			assertThat(store.createVersionTable(connection)).isTrue();
			assertThat(store.createVersionTable(connection)).isFalse();
			store.apply(connection, List.of(VersionChange.insert("a1"), VersionChange.insert("b1")));
			store.apply(connection, List.of(VersionChange.update("a1", "a2")));
			assertThat(store.readHeads(connection)).containsExactlyInAnyOrder("a2", "b1");
			store.apply(connection, List.of(VersionChange.delete("b1"), VersionChange.update("a2", "m3")));
			assertThat(store.readHeads(connection)).containsExactly("m3");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "mariadb" })
	void changeThatMatchesNoRowIsAnError(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			VersionStore store = store(connection);
			store.createVersionTable(connection);
			store.apply(connection, List.of(VersionChange.insert("a1")));
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> store.apply(connection, List.of(VersionChange.update("zz", "b2"))))
				.withMessageContaining("Updating version zz to b2 in migrate_version matched 0 rows")
				.withMessageContaining("expected to match one row");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> store.apply(connection, List.of(VersionChange.delete("zz"))))
				.withMessageContaining("Deleting version zz");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> store.apply(connection, List.of(VersionChange.insert("a1"))))
				.withMessageContaining("already holds it");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "mariadb" })
	void appendsAndReadsHistory(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			VersionStore store = store(connection);
			assertThat(store.createHistoryTable(connection)).isTrue();
			Instant startedAt = Instant.parse("2026-01-02T03:04:05.123Z");
			store.append(connection, new HistoryRecord("a1", "upgrade", List.of(), List.of("a1"), "it's \"quoted\"",
					"abc", "me@here", startedAt, 42L, true));
			store.append(connection, new HistoryRecord(null, "stamp", List.of("a1"), List.of("b1", "c1"), null, null,
					"me@here", startedAt, null, false));
			List<HistoryEntry> history = store.history(connection);
			assertThat(history).hasSize(2);
			HistoryEntry first = history.get(0);
			assertThat(first.revision()).isEqualTo("a1");
			assertThat(first.message()).isEqualTo("it's \"quoted\"");
			assertThat(first.startedAt()).isEqualTo(startedAt);
			assertThat(first.duration()).hasMillis(42);
			assertThat(first.installedBy()).isEqualTo("me@here");
			HistoryEntry second = history.get(1);
			assertThat(second.revision()).isNull();
			assertThat(second.toHeads()).containsExactly("b1", "c1");
			assertThat(second.duration()).isNull();
			assertThat(second.success()).isFalse();
			assertThat(second.rank()).isGreaterThan(first.rank());
		}
	}

	/**
	 * {@code record} moves the version rows and appends the history row (in one statement on
	 * PostgreSQL when the step changes one row), and refuses a change that does not match,
	 * writing no history row for it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "postgresql", "h2", "mariadb" })
	void recordsAStepsVersionChangesWithItsHistoryRow(String engine) throws SQLException {
		try (IsolatedDatabase database = database(engine); Connection connection = database.connection()) {
			VersionStore store = store(connection);
			store.createVersionTable(connection);
			store.createHistoryTable(connection);
			Instant startedAt = Instant.parse("2026-01-02T03:04:05.123Z");
			store.record(connection, List.of(VersionChange.insert("a1")), new HistoryRecord("a1", "upgrade", List.of(),
					List.of("a1"), "it's \"quoted\"", "abc", "me@here", startedAt, 42L, true));
			store.record(connection, List.of(VersionChange.update("a1", "a2")),
					new HistoryRecord("a2", "upgrade", List.of("a1"), List.of("a2"), null, null, "me@here", startedAt,
							null, true));
			store.record(connection, List.of(VersionChange.insert("b1"), VersionChange.insert("c1")),
					new HistoryRecord(null, "stamp", List.of("a2"), List.of("a2", "b1", "c1"), null, null, "me@here",
							startedAt, 1L, true));
			store.record(connection, List.of(VersionChange.delete("c1")), new HistoryRecord("c1", "downgrade",
					List.of("a2", "b1", "c1"), List.of("a2", "b1"), "down", null, "me@here", startedAt, 3L, true));
			assertThat(store.readHeads(connection)).containsExactlyInAnyOrder("a2", "b1");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> store.record(connection, List.of(VersionChange.update("zz", "b2")),
						new HistoryRecord("b2", "upgrade", List.of("zz"), List.of("b2"), null, null, "me@here",
								startedAt, 1L, true)))
				.withMessageContaining("Updating version zz to b2 in migrate_version matched 0 rows");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> store.record(connection, List.of(VersionChange.delete("zz")),
						new HistoryRecord("zz", "downgrade", List.of("zz"), List.of(), null, null, "me@here", startedAt,
								1L, true)))
				.withMessageContaining("Deleting version zz");
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> store.record(connection, List.of(VersionChange.insert("a2")),
						new HistoryRecord("a2", "upgrade", List.of(), List.of("a2"), null, null, "me@here", startedAt,
								1L, true)))
				.withMessageContaining("already holds it");
			List<HistoryEntry> history = store.history(connection);
			assertThat(history).extracting(HistoryEntry::revision).containsExactly("a1", "a2", null, "c1");
			HistoryEntry first = history.get(0);
			assertThat(first.operation()).isEqualTo("upgrade");
			assertThat(first.fromHeads()).isEmpty();
			assertThat(first.toHeads()).containsExactly("a1");
			assertThat(first.message()).isEqualTo("it's \"quoted\"");
			assertThat(first.checksum()).isEqualTo("abc");
			assertThat(first.installedBy()).isEqualTo("me@here");
			assertThat(first.startedAt()).isEqualTo(startedAt);
			assertThat(first.duration()).hasMillis(42);
			assertThat(first.success()).isTrue();
			assertThat(history.get(1).duration()).isNull();
			assertThat(history.get(2).toHeads()).containsExactly("a2", "b1", "c1");
			assertThat(history.get(3).operation()).isEqualTo("downgrade");
		}
	}

	/**
	 * On PostgreSQL the version row and the history row are one statement: a key conflict
	 * in the history table (a restored table whose identity was not reset) is reported as
	 * the history table's, not as the version being held already.
	 */
	@Test
	void reportsAHistoryKeyConflictAsTheHistoryTables() throws SQLException {
		try (IsolatedDatabase database = IsolatedDatabases.postgres(); Connection connection = database.connection()) {
			VersionStore store = store(connection);
			store.createVersionTable(connection);
			store.createHistoryTable(connection);
			try (Statement statement = connection.createStatement()) {
				statement.execute("INSERT INTO migrate_history (id, operation, from_heads, to_heads, installed_by, started_at, success)"
						+ " VALUES (1, 'stamp', '', '', 'me', now(), true)");
			}
			assertThatExceptionOfType(MigrateException.class)
				.isThrownBy(() -> store.record(connection, List.of(VersionChange.insert("a1")), new HistoryRecord("a1",
						"upgrade", List.of(), List.of("a1"), null, null, "me@here", Instant.now(), 1L, true)))
				.withMessageContaining("history table migrate_history")
				.withMessageNotContaining("already holds it");
			assertThat(store.readHeads(connection)).as("the statement changed nothing").isEmpty();
		}
	}

	@Test
	void rendersChangesWithEscapedLiterals() {
		VersionStore store = new VersionStore(Dialect.forProduct("postgresql"),
				new VersionTables("Meta", "alembic_version", "migrate_history"));
		assertThat(store.versionTable()).isEqualTo("\"Meta\".alembic_version");
		assertThat(store.changeScript(List.of(VersionChange.insert("a1"), VersionChange.update("a1", "b2"),
				VersionChange.delete("b2"))))
			.containsExactly("INSERT INTO \"Meta\".alembic_version (version_num) VALUES ('a1')",
					"UPDATE \"Meta\".alembic_version SET version_num = 'b2' WHERE version_num = 'a1'",
					"DELETE FROM \"Meta\".alembic_version WHERE version_num = 'b2'");
		assertThat(store.createScript()).first().isEqualTo("CREATE SCHEMA IF NOT EXISTS \"Meta\"");
		assertThat(store.historyScript(new HistoryRecord("a1", "upgrade", List.of(), List.of("a1"), "it's", null,
				null, null, null, true))).contains("'it''s', NULL, session_user");
	}

	private static VersionStore store(Connection connection) {
		return new VersionStore(Dialect.forConnection(connection),
				new VersionTables(null, "migrate_version", "migrate_history"));
	}

}
