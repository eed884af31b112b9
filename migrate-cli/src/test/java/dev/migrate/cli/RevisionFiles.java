package dev.migrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes SQL revision files for tests. */
final class RevisionFiles {

	private final Path directory;

	RevisionFiles(Path directory) {
		this.directory = directory;
	}

	/**
	 * A graph in the shape of Alembic's three-revision and multiple-heads fixtures, with a
	 * branch label and a dependency: {@code a1 <- b2 <- c3}, {@code b2 <- d3 (shop) <- e4},
	 * {@code b2 <- f3} depending on {@code e4}. Heads: c3, e4, f3; e4 is an effective head.
	 */
	static RevisionFiles branched(Path directory) {
		return new RevisionFiles(directory).write("a1", "create users", "")
			.write("b2", "add orders", "a1")
			.write("c3", "add order index", "b2")
			.write("d3", "add products", "b2", "-- Branch Labels: shop")
			.write("e4", "add prices", "d3")
			.write("f3", "add audit log", "b2", "-- Depends On: e4");
	}

	RevisionFiles write(String id, String message, String revises, String... headers) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(message).append("\n--\n-- Revision ID: ").append(id).append('\n');
		text.append("-- Revises: ").append(revises).append('\n');
		for (String header : headers) {
			text.append(header).append('\n');
		}
		text.append("-- Create Date: 2026-11-24 10:30:00\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\n");
		return write(id + "_" + RevisionAuthor.slug(message) + ".sql", text.toString());
	}

	/**
	 * A revision file with its SQL.
	 * @param headers more header lines, such as {@code -- Transactional: false}
	 */
	RevisionFiles sql(String id, String message, String revises, String upgrade, String downgrade,
			String... headers) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(message).append("\n--\n-- Revision ID: ").append(id).append('\n');
		text.append("-- Revises: ").append(revises).append('\n');
		for (String header : headers) {
			text.append(header).append('\n');
		}
		text.append("-- Create Date: 2026-11-24 10:30:00\n\n-- migrate:upgrade\n").append(upgrade);
		text.append("\n\n-- migrate:downgrade\n").append(downgrade).append('\n');
		return write(id + "_" + RevisionAuthor.slug(message) + ".sql", text.toString());
	}

	/**
	 * Three revisions that build a small schema, each undone by its downgrade:
	 * {@code a1} (users) {@code <- b2} (orders) {@code <- c3} (an index on orders).
	 */
	static RevisionFiles linear(Path directory) {
		return new RevisionFiles(directory)
			.sql("a1", "create users", "", "CREATE TABLE users (id int PRIMARY KEY, name varchar(100));",
					"DROP TABLE users;")
			.sql("b2", "add orders", "a1",
					"CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id));",
					"DROP TABLE orders;")
			.sql("c3", "add order index", "b2", "CREATE INDEX orders_user ON orders (user_id);",
					"DROP INDEX orders_user;");
	}

	RevisionFiles write(String name, String text) {
		try {
			Path file = this.directory.resolve(name);
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
