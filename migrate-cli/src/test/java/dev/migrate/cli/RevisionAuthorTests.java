package dev.migrate.cli;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.cli.RevisionAuthor.NewRevision;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionAuthorTests {

	@Test
	void slugJoinsWordsInLowerCase() {
		assertThat(RevisionAuthor.slug("Add products table")).isEqualTo("add_products_table");
		assertThat(RevisionAuthor.slug("fix: orders.total -> numeric(10,2)")).isEqualTo("fix_orders_total_numeric_10_2");
	}

	@Test
	void slugIsCutAtAWordEndAfterFortyCharacters() {
		assertThat(RevisionAuthor.slug("this is a really long name with lots of characters and also I'd like it to\n"
				+ "have\nnewlines")).isEqualTo("this_is_a_really_long_name_with_lots_of_");
		assertThat(RevisionAuthor.slug("x".repeat(50))).isEqualTo("x".repeat(40) + "_");
	}

	@Test
	void slugOfNoMessageIsEmpty() {
		assertThat(RevisionAuthor.slug(null)).isEmpty();
		assertThat(RevisionAuthor.slug("!!")).isEmpty();
	}

	@Test
	void slugKeepsUnicodeLetters() {
		assertThat(RevisionAuthor.slug("Größe ändern")).isEqualTo("größe_ändern");
	}

	@Test
	void messageIsOneLineAndNeverEmpty() {
		assertThat(RevisionAuthor.message("  add\n  products \r\n table ")).isEqualTo("add products table");
		assertThat(RevisionAuthor.message(null)).isEqualTo("empty message");
		assertThat(RevisionAuthor.message(" ")).isEqualTo("empty message");
	}

	@Test
	void javaClassNameIsTheCamelCaseSlugAndTheId() {
		assertThat(RevisionAuthor.javaClassName("add products table", "1975ea83b712"))
			.isEqualTo("AddProductsTable_1975ea83b712");
		assertThat(RevisionAuthor.javaClassName("2fa tokens", "ab")).isEqualTo("R2faTokens_ab");
		assertThat(RevisionAuthor.javaClassName(null, "ab")).isEqualTo("Revision_ab");
	}

	@Test
	void sqlFileOfARevisionWithEveryField() {
		NewRevision revision = new NewRevision("1975ea83b712", List.of("27c6a30d7c24"), List.of("shop"),
				List.of("55af2cb1c267"), "add products table", "2026-11-24 10:30:00", false);
		assertThat(RevisionAuthor.sql(revision)).isEqualTo("""
				-- add products table
				--
				-- Revision ID: 1975ea83b712
				-- Revises: 27c6a30d7c24
				-- Branch Labels: shop
				-- Depends On: 55af2cb1c267
				-- Create Date: 2026-11-24 10:30:00
				-- Transactional: false

				-- migrate:upgrade


				-- migrate:downgrade

				""");
	}

	@Test
	void sqlFileOfABaseAndOfAMerge() {
		NewRevision base = new NewRevision("a1", List.of(), List.of(), List.of(), "create users",
				"2026-11-24 10:30:00", true);
		assertThat(RevisionAuthor.sql(base)).isEqualTo("""
				-- create users
				--
				-- Revision ID: a1
				-- Revises:
				-- Create Date: 2026-11-24 10:30:00

				-- migrate:upgrade


				-- migrate:downgrade

				""");
		NewRevision merge = new NewRevision("m1", List.of("b1", "c1"), List.of(), List.of(), "merge", "d", true);
		assertThat(RevisionAuthor.sql(merge)).contains("\n-- Revises: b1, c1\n");
	}

	@Test
	void javaClassWithEveryField() {
		NewRevision revision = new NewRevision("m1", List.of("b1", "c1"), List.of("shop"), List.of("x"),
				"say \"hi\" @ */ \\u0041", "2026-11-24 10:30:00", false);
		assertThat(RevisionAuthor.java(revision, "db.revisions", "SayHi_m1")).isEqualTo("""
				package db.revisions;

				import dev.migrate.Migration;
				import dev.migrate.Revision;
				import dev.migrate.ops.Operations;

				/**
				 * say "hi" {@literal @} *&#47; \\\\u0041
				 */
				@Revision(
						id = "m1",
						revises = { "b1", "c1" },
						branchLabels = "shop",
						dependsOn = "x",
						message = "say \\"hi\\" @ */ \\\\u0041",
						createDate = "2026-11-24 10:30:00",
						transactional = false)
				public class SayHi_m1 implements Migration {

					@Override
					public void upgrade(Operations op) {
						// op.execute("CREATE TABLE ...");
					}

					@Override
					public void downgrade(Operations op) {
						// op.execute("DROP TABLE ...");
					}

				}
				""");
	}

}
