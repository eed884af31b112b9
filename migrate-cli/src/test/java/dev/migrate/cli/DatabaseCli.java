package dev.migrate.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.cli.Cli.Result;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestDatabase.Engine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line run in-process against a test database (its URL, user and password in
 * the environment, as {@code MIGRATE_URL} and friends), with helpers to read what the
 * database holds. Get one from {@link Databases}.
 */
final class DatabaseCli {

	private final TestDatabase database;

	private final Cli cli;

	private final Path directory;

	DatabaseCli(TestDatabase database, Path directory) {
		this.database = database;
		this.directory = directory;
		this.cli = new Cli(directory).env("MIGRATE_URL", database.jdbcUrl());
		if (database.user() != null) {
			this.cli.env("MIGRATE_USER", database.user());
		}
		if (database.password() != null) {
			this.cli.env("MIGRATE_PASSWORD", database.password());
		}
	}

	TestDatabase database() {
		return this.database;
	}

	Engine engine() {
		return this.database.engine();
	}

	/** The revisions folder, {@code db/revisions} under the working directory. */
	Path revisions() {
		return this.directory.resolve("db/revisions");
	}

	Result run(String... args) {
		return this.cli.run(args);
	}

	/** Runs a command that must succeed. */
	Result ok(String... args) {
		Result result = run(args);
		assertThat(result.exitCode()).as(result.toString()).isZero();
		return result;
	}

	/**
	 * Runs a command that must fail with exit code 1 and one {@code ERROR:} line (after the
	 * progress lines, before the indented details of a failed revision), no stack trace.
	 */
	Result fails(String... args) {
		Result result = run(args);
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err().lines().filter((line) -> line.startsWith("ERROR: "))).as(result.toString()).hasSize(1);
		assertThat(result.err()).as(result.toString()).doesNotContain("\tat ");
		return result;
	}

	/** The version table's rows, sorted; empty when it does not exist. */
	List<String> versions() {
		return hasTable("migrate_version") ? strings("SELECT version_num FROM migrate_version ORDER BY version_num")
				: List.of();
	}

	/** Whether a table (or view) of this name exists, in any case. */
	boolean hasTable(String name) {
		return tables().contains(name.toLowerCase(Locale.ROOT));
	}

	/** The user tables, lower case and sorted. */
	List<String> tables() {
		return strings("SELECT lower(table_name) FROM information_schema.tables WHERE lower(table_schema) NOT IN "
				+ "('information_schema', 'pg_catalog') ORDER BY lower(table_name)");
	}

	/** The first column of a query's rows, as strings. */
	List<String> strings(String sql) {
		try (Connection connection = this.database.connection();
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** Runs SQL on the database. */
	void execute(String sql) {
		try (Connection connection = this.database.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

}
