package dev.migrate.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SqlRevisionsTests {

	private static final String FILE = "db/revisions/2026/1975ea83b712_add_products.sql";

	private static final String EXAMPLE = """
			-- add products table
			--
			-- Revision ID: 1975ea83b712
			-- Revises: 27c6a30d7c24
			-- Branch Labels: shop
			-- Depends On: 55af2cb1c267
			-- Create Date: 2026-11-24 10:30:00
			-- Transactional: false

			-- migrate:upgrade
			CREATE TABLE products (id bigint PRIMARY KEY);

			-- migrate:downgrade
			DROP TABLE products;
			""";

	@Test
	void parsesEveryHeaderField() {
		Revision revision = parse(EXAMPLE);
		assertThat(revision.id()).isEqualTo("1975ea83b712");
		assertThat(revision.downRevisions()).containsExactly("27c6a30d7c24");
		assertThat(revision.branchLabels()).containsExactly("shop");
		assertThat(revision.dependsOn()).containsExactly("55af2cb1c267");
		assertThat(revision.createDate()).isEqualTo("2026-11-24 10:30:00");
		assertThat(revision.isTransactional()).isFalse();
		assertThat(revision.message()).isEqualTo("add products table");
		assertThat(revision.source()).isEqualTo(FILE);
		assertThat(revision.migration()).isInstanceOf(SqlMigration.class);
	}

	@Test
	void readsKeysWithRunsOfSpacesUnderscoresAndHyphensAsOneSpace() {
		Revision revision = parse("""
				-- Revision_ID: a1
				-- Branch - _ Labels: shop
				-- depends-on  : c3
				-- Lock__Timeout: 5s
				-- migrate:upgrade
				""");
		assertThat(revision.id()).isEqualTo("a1");
		assertThat(revision.branchLabels()).containsExactly("shop");
		assertThat(revision.dependsOn()).containsExactly("c3");
		assertThat(revision.lockTimeout()).hasSeconds(5);
		assertParseError("-- Revision ID: a1\n-- Revises_: b2\n-- migrate:upgrade\n")
			.hasMessageStartingWith(FILE + ":2: unknown header key 'Revises_' (did you mean 'Revises'?)");
	}

	@Test
	void readsKeysInAnyCase() {
		Revision revision = parse("""
				-- revision id: a1
				-- REVISES: b2
				-- branch LABELS: shop
				-- Depends on: c3
				-- create date: 2026-01-01
				-- TRANSACTIONAL: false
				-- migrate:upgrade
				""");
		assertThat(revision.id()).isEqualTo("a1");
		assertThat(revision.downRevisions()).containsExactly("b2");
		assertThat(revision.branchLabels()).containsExactly("shop");
		assertThat(revision.dependsOn()).containsExactly("c3");
		assertThat(revision.createDate()).isEqualTo("2026-01-01");
		assertThat(revision.isTransactional()).isFalse();
	}

	@Test
	void makesABaseWhenRevisesIsAbsent() {
		Revision revision = parse("""
				-- Revision ID: a1
				-- migrate:upgrade
				""");
		assertThat(revision.isBase()).isTrue();
		assertThat(revision.branchLabels()).isEmpty();
		assertThat(revision.dependsOn()).isEmpty();
		assertThat(revision.createDate()).isNull();
	}

	@Test
	void makesABaseWhenRevisesIsEmpty() {
		Revision revision = parse("""
				-- Revision ID: a1
				-- Revises:
				-- migrate:upgrade
				""");
		assertThat(revision.isBase()).isTrue();
	}

	@Test
	void makesAMergePointFromSeveralRevises() {
		Revision revision = parse("""
				-- Revision ID: m1
				-- Revises: a1, b2 ,c3
				-- migrate:upgrade
				""");
		assertThat(revision.downRevisions()).containsExactly("a1", "b2", "c3");
		assertThat(revision.isMergePoint()).isTrue();
	}

	@Test
	void splitsBranchLabelsAndDependsOnAtCommas() {
		Revision revision = parse("""
				-- Revision ID: a1
				-- Branch Labels: shop, billing
				-- Depends On: b2,c3
				-- migrate:upgrade
				""");
		assertThat(revision.branchLabels()).containsExactly("shop", "billing");
		assertThat(revision.dependsOn()).containsExactly("b2", "c3");
	}

	@Test
	void isTransactionalByDefault() {
		assertThat(parse("""
				-- Revision ID: a1
				-- migrate:upgrade
				""").isTransactional()).isTrue();
	}

	@Test
	void readsTransactionalInAnyCase() {
		assertThat(parse("-- Revision ID: a1\n-- Transactional: FALSE\n-- migrate:upgrade\n").isTransactional()).isFalse();
		assertThat(parse("-- Revision ID: a1\n-- Transactional: True\n-- migrate:upgrade\n").isTransactional()).isTrue();
	}

	@Test
	void rejectsTransactionalOtherThanTrueOrFalseNamingFileAndLine() {
		RevisionSourceException ex = parseError("""
				-- add things
				-- Revision ID: a1
				-- Transactional: no
				-- migrate:upgrade
				""");
		assertThat(ex).hasMessageStartingWith(FILE + ":3: ").hasMessageContaining("'Transactional' is 'no'")
			.hasMessageContaining("use true or false");
		assertThat(ex.source()).isEqualTo(FILE);
		assertThat(ex.line()).isEqualTo(3);
	}

	@Test
	void readsPerRevisionTimeouts() {
		Revision revision = parse("""
				-- Revision ID: a1
				-- Lock Timeout: 500ms
				-- Statement Timeout: 10min
				-- migrate:upgrade
				""");
		assertThat(revision.lockTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
		assertThat(revision.statementTimeout()).isEqualTo(java.time.Duration.ofMinutes(10));
		assertThat(parse("-- Revision ID: a1\n-- migrate:upgrade\n").lockTimeout()).isNull();
		assertThat(parse("-- Revision ID: a1\n-- lock timeout: PT2S\n-- migrate:upgrade\n").lockTimeout())
			.isEqualTo(java.time.Duration.ofSeconds(2));
	}

	@Test
	void rejectsATimeoutWithoutAUnitNamingFileAndLine() {
		RevisionSourceException ex = parseError("""
				-- Revision ID: a1
				-- Lock Timeout: 500
				-- migrate:upgrade
				""");
		assertThat(ex).hasMessageStartingWith(FILE + ":2: 'Lock Timeout': '500' is not a duration")
			.hasMessageContaining("500ms, 5s, 2min, 1h");
	}

	@Test
	void takesTheFirstFreeTextLineAsTheMessage() {
		Revision revision = parse("""
				-- Revision ID: a1
				--
				-- add products table
				-- More words about it, which are not the message.
				-- migrate:upgrade
				""");
		assertThat(revision.message()).isEqualTo("add products table");
	}

	@Test
	void keepsAColonInAMessageOnTheFirstLine() {
		Revision revision = parse("""
				-- fix: keep nulls in prices
				-- Revision ID: a1
				-- migrate:upgrade
				""");
		assertThat(revision.message()).isEqualTo("fix: keep nulls in prices");
	}

	@Test
	void leavesTheMessageEmptyWithoutFreeText() {
		assertThat(parse("-- Revision ID: a1\n-- migrate:upgrade\n").message()).isEmpty();
	}

	@Test
	void doesNotTakeAUrlForAKey() {
		Revision revision = parse("""
				-- add products
				-- see https://example.com/tickets/42
				-- Revision ID: a1
				-- migrate:upgrade
				""");
		assertThat(revision.message()).isEqualTo("add products");
	}

	@Test
	void rejectsAnUnknownKeyNamingKeyFileAndLine() {
		assertParseError("""
				-- add products
				-- Revision ID: a1
				-- Author: someone
				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":3: unknown header key 'Author'")
			.hasMessageContaining("'Revision ID', 'Revises', 'Branch Labels', 'Depends On', 'Create Date', 'Transactional'");
	}

	@Test
	void rejectsAMisspelledRevisesRatherThanMakingABase() {
		assertParseError("""
				-- add products
				-- Revision ID: a1
				-- Revison: b2
				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":3: unknown header key 'Revison' (did you mean 'Revises'?)");
	}

	@Test
	void rejectsAMisspelledKeyOnTheFirstLine() {
		assertParseError("""
				-- Revison ID: a1
				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":1: unknown header key 'Revison ID' (did you mean 'Revision ID'?)");
		assertParseError("""
				-- Revision: a1
				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":1: unknown header key 'Revision' (did you mean 'Revision ID'?)");
	}

	@Test
	void rejectsAKeyGivenTwice() {
		assertParseError("""
				-- Revision ID: a1
				-- Revises: b2
				-- Revises: c3
				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":3: 'Revises' is given twice (lines 2 and 3)");
	}

	@Test
	void requiresARevisionId() {
		RevisionSourceException ex = parseError("""
				-- add products
				-- Revises: b2

				-- migrate:upgrade
				CREATE TABLE products (id int);
				""");
		assertThat(ex).hasMessageStartingWith(FILE + " has no 'Revision ID' in its header");
		assertThat(ex.line()).isZero();
	}

	@Test
	void requiresAHeader() {
		assertParseError("""
				CREATE TABLE products (id int);
				""").hasMessageStartingWith(FILE + " has no 'Revision ID' in its header");
	}

	@Test
	void rejectsAnEmptyRevisionId() {
		assertParseError("-- Revision ID:\n-- migrate:upgrade\n")
			.hasMessageStartingWith(FILE + ":1: 'Revision ID' is empty");
	}

	@Test
	void rejectsAnInvalidRevisionIdNamingTheLine() {
		assertParseError("-- add\n-- Revision ID: Not-An-Id\n-- migrate:upgrade\n")
			.hasMessageStartingWith(FILE + ":2: 'Revision ID' names 'Not-An-Id', which is not a revision id");
	}

	@Test
	void rejectsAnInvalidIdInRevises() {
		assertParseError("-- Revision ID: a1\n-- Revises: b2, <none>\n-- migrate:upgrade\n")
			.hasMessageStartingWith(FILE + ":2: 'Revises' names '<none>', which is not a revision id");
	}

	@Test
	void rejectsValuesSeparatedBySpaces() {
		assertParseError("-- Revision ID: a1\n-- Revises: b2 c3\n-- migrate:upgrade\n")
			.hasMessageStartingWith(FILE + ":2: 'Revises' has 'b2 c3': separate several values with commas");
	}

	@Test
	void reportsAnInvalidBranchLabelWithTheFile() {
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> parse("-- Revision ID: a1\n-- Branch Labels: shop@x\n-- migrate:upgrade\n"))
			.withMessageContaining("'shop@x'")
			.withMessageContaining(FILE);
	}

	@Test
	void rejectsAHeaderKeyAfterTheHeaderEnded() {
		assertParseError("""
				-- add products
				-- Revision ID: a1

				-- Revises: b2

				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":4: 'Revises' stands outside the header");
	}

	@Test
	void allowsBlankLinesBeforeTheHeader() {
		Revision revision = parse("\n   \n-- add products\n-- Revision ID: a1\n-- migrate:upgrade\n");
		assertThat(revision.id()).isEqualTo("a1");
		assertThat(revision.message()).isEqualTo("add products");
	}

	@Test
	void endsTheHeaderAtASectionMarker() {
		Revision revision = parse("""
				-- Revision ID: a1
				-- migrate:upgrade
				CREATE TABLE products (id int);
				""");
		assertThat(sql(revision).upgradeSection().sql()).isEqualTo("CREATE TABLE products (id int);\n");
	}

	@Test
	void allowsCommentsBetweenTheHeaderAndTheUpgradeMarker() {
		Revision revision = parse("""
				-- Revision ID: a1

				-- Note: the table is partitioned later.

				-- migrate:upgrade
				CREATE TABLE products (id int);
				""");
		assertThat(sql(revision).upgradeSection().line()).isEqualTo(6);
	}

	@Test
	void rejectsSqlBetweenTheHeaderAndTheUpgradeMarker() {
		assertParseError("""
				-- Revision ID: a1

				CREATE TABLE products (id int);

				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":3: SQL before '-- migrate:upgrade'");
	}

	@Test
	void requiresAnUpgradeSection() {
		assertParseError("-- Revision ID: a1\n").hasMessageStartingWith(FILE + " has no '-- migrate:upgrade' section");
	}

	@Test
	void rejectsADowngradeMarkerBeforeTheUpgradeMarker() {
		assertParseError("""
				-- Revision ID: a1

				-- migrate:downgrade
				DROP TABLE products;

				-- migrate:upgrade
				CREATE TABLE products (id int);
				""").hasMessageStartingWith(FILE + ":3: '-- migrate:downgrade' comes before '-- migrate:upgrade'");
	}

	@Test
	void rejectsASecondUpgradeMarker() {
		assertParseError("""
				-- Revision ID: a1
				-- migrate:upgrade
				CREATE TABLE a (id int);
				-- migrate:downgrade
				DROP TABLE a;
				-- migrate:upgrade
				""").hasMessageStartingWith(FILE + ":6: '-- migrate:upgrade' appears twice (lines 2 and 6)");
	}

	@Test
	void rejectsASecondDowngradeMarker() {
		assertParseError("""
				-- Revision ID: a1
				-- migrate:upgrade
				-- migrate:downgrade
				-- migrate:downgrade
				""").hasMessageStartingWith(FILE + ":4: '-- migrate:downgrade' appears twice (lines 3 and 4)");
	}

	@Test
	void rejectsAMarkerThatIsNotAloneOnItsLine() {
		assertParseError("""
				-- Revision ID: a1
				-- migrate:upgrade transaction:false
				""").hasMessageStartingWith(FILE + ":2: '-- migrate:upgrade transaction:false' is not a section marker");
	}

	@Test
	void rejectsAMisspelledMarker() {
		assertParseError("""
				-- Revision ID: a1
				-- migrate:upgrade
				CREATE TABLE a (id int);
				-- migrate:downgarde
				DROP TABLE a;
				""").hasMessageStartingWith(FILE + ":4: '-- migrate:downgarde' is not a section marker");
	}

	@Test
	void readsMarkersInAnyCase() {
		Revision revision = parse("""
				-- Revision ID: a1
				-- MIGRATE:Upgrade
				CREATE TABLE a (id int);
				  --migrate:downgrade
				DROP TABLE a;
				""");
		assertThat(sql(revision).upgradeSection().sql()).isEqualTo("CREATE TABLE a (id int);");
		assertThat(sql(revision).downgradeSection()).get().extracting(SqlSection::sql).isEqualTo("DROP TABLE a;\n");
	}

	@Test
	void keepsEachSectionsTextAndStartingLine() {
		SqlMigration migration = sql(parse(EXAMPLE));
		assertThat(migration.upgradeSection())
			.isEqualTo(new SqlSection(FILE, 11, "CREATE TABLE products (id bigint PRIMARY KEY);\n"));
		assertThat(migration.downgradeSection()).contains(new SqlSection(FILE, 14, "DROP TABLE products;\n"));
		assertThat(migration.upgradeSection()).hasToString(FILE + ":11");
	}

	@Test
	void keepsSectionLinesWhenTheFileHasCarriageReturns() {
		SqlMigration migration = sql(parse(EXAMPLE.replace("\n", "\r\n")));
		assertThat(migration.upgradeSection().line()).isEqualTo(11);
		assertThat(migration.downgradeSection()).get().extracting(SqlSection::sql).isEqualTo("DROP TABLE products;\n");
	}

	@Test
	void findsTheLineOfAnOffsetInASection() {
		SqlSection section = new SqlSection(FILE, 11, "CREATE TABLE a (id int);\n\nCREATE TABLE b (id int);\n");
		assertThat(section.lineOf(0)).isEqualTo(11);
		assertThat(section.lineOf(section.sql().indexOf("CREATE TABLE b"))).isEqualTo(13);
		assertThat(section.lineOf(section.sql().length())).isEqualTo(14);
	}

	@Test
	void upgradeExecutesTheUpgradeSection() {
		assertThat(RecordingOperations.upgrade(parse(EXAMPLE).migration()))
			.containsExactly("CREATE TABLE products (id bigint PRIMARY KEY);\n");
	}

	@Test
	void downgradeExecutesTheDowngradeSection() {
		assertThat(RecordingOperations.downgrade(parse(EXAMPLE).migration())).containsExactly("DROP TABLE products;\n");
	}

	@Test
	void executesNothingForAnEmptySection() {
		Revision merge = parse("""
				-- merge heads
				-- Revision ID: m1
				-- Revises: a1, b2

				-- migrate:upgrade

				-- migrate:downgrade
				""");
		assertThat(RecordingOperations.upgrade(merge.migration())).isEmpty();
		assertThat(RecordingOperations.downgrade(merge.migration())).isEmpty();
	}

	@Test
	void downgradeWithoutADowngradeSectionFailsNamingRevisionAndFile() {
		Revision revision = parse("""
				-- Revision ID: a1
				-- migrate:upgrade
				CREATE TABLE a (id int);
				""");
		assertThat(sql(revision).downgradeSection()).isEmpty();
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> RecordingOperations.downgrade(revision.migration()))
			.withMessageStartingWith("Revision a1 cannot be downgraded: " + FILE
					+ " has no '-- migrate:downgrade' section");
	}

	@Test
	void checksumIsTheSha256OfTheText() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(EXAMPLE.getBytes(StandardCharsets.UTF_8));
		assertThat(parse(EXAMPLE).checksum()).isEqualTo(HexFormat.of().formatHex(digest)).hasSize(64);
	}

	@Test
	void checksumIgnoresLineEndingsAndAByteOrderMark() {
		String checksum = parse(EXAMPLE).checksum();
		assertThat(parse(EXAMPLE.replace("\n", "\r\n")).checksum()).isEqualTo(checksum);
		assertThat(parse(EXAMPLE.replace("\n", "\r")).checksum()).isEqualTo(checksum);
		assertThat(parse("\uFEFF" + EXAMPLE.replace("\n", "\r\n")).checksum()).isEqualTo(checksum);
	}

	@Test
	void checksumChangesWithTheText() {
		assertThat(parse(EXAMPLE.replace("bigint", "int")).checksum()).isNotEqualTo(parse(EXAMPLE).checksum());
	}

	@Test
	void readsFilesAsUtf8() {
		byte[] bytes = "-- café\n-- Revision ID: a1\n-- migrate:upgrade\n".getBytes(StandardCharsets.UTF_8);
		assertThat(SqlRevisions.read(FILE, bytes).message()).isEqualTo("café");
	}

	@Test
	void rejectsAFileThatIsNotUtf8() {
		byte[] bytes = "-- café\n-- Revision ID: a1\n-- migrate:upgrade\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> SqlRevisions.read(FILE, bytes))
			.withMessage(FILE + " is not valid UTF-8 text: save it with UTF-8 encoding");
	}

	private static Revision parse(String text) {
		return SqlRevisions.parse(FILE, text);
	}

	private static SqlMigration sql(Revision revision) {
		return (SqlMigration) revision.migration();
	}

	private static RevisionSourceException parseError(String text) {
		try {
			Revision revision = parse(text);
			throw new AssertionError("Expected an error parsing:\n" + text + "\nbut got " + revision);
		}
		catch (RevisionSourceException ex) {
			return ex;
		}
	}

	private static AbstractThrowableAssert<?, ? extends Throwable> assertParseError(String text) {
		return assertThat((Throwable) parseError(text));
	}

}
