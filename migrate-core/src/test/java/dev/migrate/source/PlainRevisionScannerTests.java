package dev.migrate.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The fast path for common revision files gives exactly what the general parser gives, and
 * leaves it everything else.
 */
class PlainRevisionScannerTests {

	private static final String SOURCE = "db/revisions/1975ea83b712_add_products.sql";

	@Test
	void readsTheFilesThatMigrateRevisionWrites() {
		assertAcceptedAndSame("""
				-- add products table
				--
				-- Revision ID: 1975ea83b712
				-- Revises: 27c6a30d7c24
				-- Create Date: 2026-11-24 10:30:00.123456

				-- migrate:upgrade
				CREATE TABLE products (id bigint PRIMARY KEY);

				-- migrate:downgrade
				DROP TABLE products;
				""");
		assertAcceptedAndSame("""
				-- merge heads
				--
				-- Revision ID: 3f5e2b1a9c0d
				-- Revises: 1975ea83b712, 55af2cb1c267
				-- Branch Labels: shop, billing
				-- Depends On: 27c6a30d7c24
				-- Create Date: 2026-11-24 10:30:00

				-- migrate:upgrade


				-- migrate:downgrade

				""");
		assertAcceptedAndSame("-- first\n--\n-- Revision ID: a1\n-- Revises:\n-- Create Date: 2026-11-24\n\n-- migrate:upgrade\n");
	}

	@Test
	void leavesOtherFilesToTheParser() {
		assertLeftToParser("-- Revision ID: a1\r\n-- migrate:upgrade\r\n");
		assertLeftToParser("\uFEFF-- Revision ID: a1\n-- migrate:upgrade\n");
		assertLeftToParser("-- caf\u00e9\n-- Revision ID: a1\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revision ID: a1\n-- Transactional: false\n-- migrate:upgrade\n");
		assertLeftToParser("-- revision id: a1\n-- migrate:upgrade\n");
		assertLeftToParser("-- fix: keep nulls\n-- Revision ID: a1\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revision ID: a1\n\n-- a comment\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revision ID: a1\n-- migrate:upgrade\n-- migrate:notes\n");
		assertLeftToParser("-- Revision ID: a1\n-- Revision ID: b2\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revision ID: A1\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revises: a1, , b2\n-- Revision ID: c3\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revision ID: a1\n");
		assertLeftToParser("-- add products\n");
		assertLeftToParser("-- Revision ID: a1\n-- Create Date://x\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revision ID: a1\n-- Branch Labels://x\n-- migrate:upgrade\n");
		assertLeftToParser("-- Revision ID: a1\n-- migrate:upgrade\n\f-- migrate:downgrade\n");
		assertLeftToParser("-- Revision ID: a1\n-- migrate:upgrade\n--\u000Bmigrate:downgrade\n");
	}

	/**
	 * Files put together from lines the parser reads in different ways: each one the
	 * scanner takes must give the parser's revision (or the parser's error), and the
	 * scanner must take the common ones.
	 */
	@Test
	void givesTheParsersRevisionForGeneratedFiles() {
		Random random = new Random(20261124);
		int accepted = 0;
		int samples = 20_000;
		for (int i = 0; i < samples; i++) {
			String text = generate(random);
			if (compare(text)) {
				accepted++;
			}
		}
		assertThat(accepted).as("files the scanner read").isGreaterThan(samples / 40);
	}

	private static final String[] BLANKS = { "", " ", "\t", "  \t " };

	private static final String[] MESSAGES = { "-- add products table", "--add products", "-- fix: keep nulls",
			"-- see https://example.com/x", "--", "-- ", "-- caf\u00e9", "--  two  spaces  ", "-- a\u000Bb",
			"-- Revision ID is below", "--\fnote", "-- \u001Fnote" };

	private static final String[] SEPARATORS = { ": ", ":", " : ", ":\t", ":  ", "\t:", "://", ":/" };

	private static final String[][] KEYS = {
			{ "Revision ID", "revision id", "Revision_ID", "Revision  ID", "RevisionID", "Revison ID" },
			{ "Revises", "revises", "Revises " }, { "Branch Labels", "branch-labels", "Branch Label" },
			{ "Depends On", "depends on", "Depends  On" }, { "Create Date", "create date" },
			{ "Transactional", "transactional" }, { "Lock Timeout" }, { "Statement Timeout" } };

	private static final String[][] VALUES = { { "1975ea83b712", "a1", "ABC", "a b", "", "a,b", "head", "x@y" },
			{ "27c6a30d7c24", "", "a1, b2", "a1,b2", "a1,,b2", "a1,", "a1 b2", "A1", "1975ea83b712", " a1 , b2 " },
			{ "shop", "shop, billing", "", "bad label", "bad!", "shop,shop", "a1" },
			{ "55af2cb1c267", "shop", "", "a1, shop", "x y", "1975ea83b712" },
			{ "2026-11-24 10:30:00", "", "yesterday: noon" }, { "false", "true", "maybe" }, { "5s", "-1s", "soon" },
			{ "2min", "x" } };

	private static final String[] BETWEEN = { "", "", "", "   ", "-- a comment", "SELECT 1;", "-- Revises: a1" };

	private static final String[] UPGRADE_MARKERS = { "-- migrate:upgrade", "-- migrate:upgrade", "--migrate:upgrade",
			"-- MIGRATE : Upgrade ", "  -- migrate:upgrade", "-- migrate:upgrades", "-- migrate: upgrade\t",
			"-- migrate:downgrade" };

	private static final String[] BODY = { "CREATE TABLE products (id bigint PRIMARY KEY);", "", "-- a comment",
			"  -- indented comment", "-- migrate:notes", "SELECT '-- migrate:upgrade';", "-- Migrate:Downgrade",
			"--migrate", "SELECT 'caf\u00e9';", "\tINSERT INTO t VALUES (1);", "-- migrate:upgrade",
			"\f-- migrate:downgrade", "--\u000Bmigrate:downgrade", "\u0000SELECT 1;", " \u001C-- x",
			"SELECT 1;\f", "-- migrate:downgrade\f" };

	private static final String[] DOWNGRADE_MARKERS = { "-- migrate:downgrade", "-- migrate:downgrade",
			" --  migrate : downgrade", "-- migrate:down" };

	private static String generate(Random random) {
		List<String> lines = new ArrayList<>();
		for (int i = random.nextInt(3); i > 0; i--) {
			lines.add(pick(random, BLANKS));
		}
		if (random.nextInt(3) > 0) {
			lines.add(pick(random, MESSAGES));
			if (random.nextBoolean()) {
				lines.add("--");
			}
		}
		int keys = 1 + random.nextInt(5);
		for (int k = 0; k < keys; k++) {
			int key = (k == 0 && random.nextInt(10) > 0) ? 0 : (random.nextInt(10) < 7) ? random.nextInt(5) : random.nextInt(8);
			String name = (random.nextInt(10) < 7) ? KEYS[key][0] : pick(random, KEYS[key]);
			String value = (random.nextInt(10) < 6) ? VALUES[key][0] : pick(random, VALUES[key]);
			String separator = (random.nextInt(10) < 7) ? ": " : pick(random, SEPARATORS);
			lines.add(((random.nextInt(10) < 8) ? "-- " : pick(random, new String[] { "--", " -- ", "--\t", "--\f", "\u000B--" })) + name
					+ separator + value);
		}
		lines.add(pick(random, BETWEEN));
		if (random.nextInt(20) > 0) {
			lines.add((random.nextInt(10) < 7) ? "-- migrate:upgrade" : pick(random, UPGRADE_MARKERS));
		}
		for (int i = random.nextInt(4); i > 0; i--) {
			lines.add((random.nextInt(10) < 6) ? BODY[0] : pick(random, BODY));
		}
		if (random.nextInt(3) > 0) {
			lines.add("");
			lines.add((random.nextInt(10) < 7) ? "-- migrate:downgrade" : pick(random, DOWNGRADE_MARKERS));
			for (int i = random.nextInt(3); i > 0; i--) {
				lines.add((random.nextInt(10) < 6) ? "DROP TABLE products;" : pick(random, BODY));
			}
		}
		String newline = (random.nextInt(20) > 0) ? "\n" : pick(random, new String[] { "\r\n", "\r" });
		String text = String.join(newline, lines) + ((random.nextInt(5) > 0) ? newline : "");
		return (random.nextInt(50) > 0) ? text : "\uFEFF" + text;
	}

	private static String pick(Random random, String[] choices) {
		return choices[random.nextInt(choices.length)];
	}

	private static void assertAcceptedAndSame(String text) {
		assertThat(compare(text)).as("read by the scanner: %s", text).isTrue();
	}

	private static void assertLeftToParser(String text) {
		assertThat(scan(text)).as(text).isNull();
	}

	/** What the scanner gives, called as {@link SqlRevisions#read(String, byte[])} calls it. */
	private static Revision scan(String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		return (bytes.length == text.length()) ? PlainRevisionScanner.scan(SOURCE, bytes, text) : null;
	}

	/**
	 * Reads a file with both; fails when the scanner's revision or error differs from the
	 * parser's.
	 * @return whether the scanner read it
	 */
	private static boolean compare(String text) {
		compareRead(text);
		Revision scanned;
		try {
			scanned = scan(text);
		}
		catch (RuntimeException scannerError) {
			try {
				SqlRevisions.parse(SOURCE, text);
			}
			catch (RuntimeException parserError) {
				assertThat(scannerError).as(text).hasMessage(parserError.getMessage())
					.isExactlyInstanceOf(parserError.getClass());
				return true;
			}
			throw new AssertionError("The scanner failed where the parser did not: " + text, scannerError);
		}
		if (scanned == null) {
			return false;
		}
		Revision parsed;
		try {
			parsed = SqlRevisions.parse(SOURCE, text);
		}
		catch (RuntimeException ex) {
			return fail("The scanner read what the parser refuses (%s): %s", ex.getMessage(), text);
		}
		assertThat(describe(scanned)).as(text).isEqualTo(describe(parsed));
		return true;
	}

	/** {@link SqlRevisions#read(String, byte[])} gives the parser's revision or error. */
	private static void compareRead(String text) {
		Revision read;
		try {
			read = SqlRevisions.read(SOURCE, text.getBytes(StandardCharsets.UTF_8));
		}
		catch (RuntimeException readError) {
			assertThatThrownBy(() -> SqlRevisions.parse(SOURCE, text)).as(text)
				.isExactlyInstanceOf(readError.getClass())
				.hasMessage(readError.getMessage());
			return;
		}
		assertThat(describe(read)).as(text).isEqualTo(describe(SqlRevisions.parse(SOURCE, text)));
	}

	private static List<Object> describe(Revision revision) {
		SqlMigration migration = (SqlMigration) revision.migration();
		return List.of(revision.id(), revision.downRevisions(), revision.branchLabels(), revision.dependsOn(),
				revision.message(), String.valueOf(revision.createDate()), revision.isTransactional(),
				String.valueOf(revision.lockTimeout()), String.valueOf(revision.statementTimeout()), revision.source(),
				revision.checksum(), migration.upgradeSection(), String.valueOf(migration.downgradeSection().orElse(null)),
				migration.downgradeSection().map(SqlSection::sql).orElse("-"));
	}

}
