package dev.migrate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The same N revisions written in every tool's own format: each creates table {@code t_i}
 * ({@code id bigint primary key, name text not null}) and one index on it.
 *
 * <pre>
 * root/
 *   migrate/&lt;id&gt;_create_t_i.sql        migrate SQL revision files, a linear chain
 *   classpath/db/revisions/...           the same files as a class path root (Spring Boot)
 *   classpath/db/migration/V&lt;i&gt;__t&lt;i&gt;.sql  the Flyway migrations there
 *   classpath/db/changelog/changelog.sql the formatted SQL changelog there
 *   revisions.jar                        classpath/db/revisions/ packed in a jar
 *   flyway/V&lt;i&gt;__t&lt;i&gt;.sql               Flyway versioned migrations
 *   liquibase/changelog.sql              one formatted SQL changelog, a changeset per revision
 *   liquibase/changelog.xml              the same as an XML changelog of {@code <sql>} changesets
 * </pre>
 * Raw JDBC runs {@link #statements(int)} from memory.
 */
record Workload(Path root, int size) {

	private static final long SEED = 20261124L;

	static final String LIQUIBASE_SQL = "changelog.sql";

	static final String LIQUIBASE_XML = "changelog.xml";

	/** Where the Spring Boot application finds the Flyway migrations and the Liquibase changelog, on its class path. */
	static final String FLYWAY_CLASSPATH = "db/migration";

	static final String LIQUIBASE_CLASSPATH = "db/changelog/" + LIQUIBASE_SQL;

	/** The file that says a workload is written whole, in this layout. */
	private static final String COMPLETE = "complete-3";

	Path migrate() {
		return this.root.resolve("migrate");
	}

	Path classpath() {
		return this.root.resolve("classpath");
	}

	/** The migrate revisions of {@link #classpath()} packed in a jar, as a deployed application holds them. */
	Path classpathJar() {
		return this.root.resolve("revisions.jar");
	}

	Path flyway() {
		return this.root.resolve("flyway");
	}

	Path liquibase() {
		return this.root.resolve("liquibase");
	}

	/** The statements of revision {@code i} (1-based). */
	static List<String> statements(int i) {
		return List.of("CREATE TABLE t_" + i + " (id bigint primary key, name text not null)",
				"CREATE INDEX t_" + i + "_name ON t_" + i + " (name)");
	}

	/** The workload of {@code size} revisions under {@code root}, written unless it is there already. */
	static Workload of(Path root, int size) {
		Workload workload = new Workload(root, size);
		if (!Files.isRegularFile(root.resolve(COMPLETE))) {
			workload.write();
		}
		return workload;
	}

	private void write() {
		try {
			Files.createDirectories(migrate());
			Path revisions = Files.createDirectories(classpath().resolve("db/revisions"));
			Files.createDirectories(flyway());
			Files.createDirectories(liquibase());
			Path flywayClasspath = Files.createDirectories(classpath().resolve(FLYWAY_CLASSPATH));
			Files.createDirectories(classpath().resolve(LIQUIBASE_CLASSPATH).getParent());
			List<String> ids = ids(this.size);
			StringBuilder sql = new StringBuilder("--liquibase formatted sql\n");
			StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					+ "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
					+ "        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
					+ "        xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
					+ " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n");
			for (int i = 1; i <= this.size; i++) {
				List<String> statements = statements(i);
				String body = String.join(";\n", statements) + ";\n";
				String revision = "-- create t_" + i + "\n--\n-- Revision ID: " + ids.get(i - 1) + "\n-- Revises: "
						+ ((i > 1) ? ids.get(i - 2) : "") + "\n-- Create Date: 2026-11-24 10:30:00\n\n-- migrate:upgrade\n"
						+ body + "\n-- migrate:downgrade\nDROP TABLE t_" + i + ";\n";
				String name = ids.get(i - 1) + "_create_t_" + i + ".sql";
				Files.writeString(migrate().resolve(name), revision);
				Files.writeString(revisions.resolve(name), revision);
				Files.writeString(flyway().resolve("V" + i + "__t" + i + ".sql"), body);
				Files.writeString(flywayClasspath.resolve("V" + i + "__t" + i + ".sql"), body);
				sql.append("\n--changeset bench:").append(i).append('\n').append(body).append("--rollback DROP TABLE t_")
					.append(i).append(";\n");
				xml.append("    <changeSet id=\"").append(i).append("\" author=\"bench\">\n        <sql>")
					.append(String.join(";\n", statements)).append("</sql>\n        <rollback>DROP TABLE t_").append(i)
					.append("</rollback>\n    </changeSet>\n");
			}
			xml.append("</databaseChangeLog>\n");
			Files.writeString(liquibase().resolve(LIQUIBASE_SQL), sql);
			Files.writeString(liquibase().resolve(LIQUIBASE_XML), xml);
			Files.writeString(classpath().resolve(LIQUIBASE_CLASSPATH), sql);
			writeJar(revisions);
			Files.writeString(this.root.resolve(COMPLETE), Integer.toString(this.size));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the workload under " + this.root, ex);
		}
	}

	/** Packs {@code db/revisions/} into {@link #classpathJar()}, with its directory entries, as build tools write them. */
	private void writeJar(Path revisions) throws IOException {
		try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(classpathJar()));
				Stream<Path> files = Files.list(revisions)) {
			jar.putNextEntry(new JarEntry("db/"));
			jar.putNextEntry(new JarEntry("db/revisions/"));
			for (Path file : files.sorted().toList()) {
				jar.putNextEntry(new JarEntry("db/revisions/" + file.getFileName()));
				Files.copy(file, jar);
				jar.closeEntry();
			}
		}
	}

	/** Alembic-style ids: 12 hex digits, distinct, the same for every run. */
	private static List<String> ids(int size) {
		SplittableRandom random = new SplittableRandom(SEED);
		Set<String> seen = new HashSet<>();
		List<String> ids = new ArrayList<>(size);
		while (ids.size() < size) {
			String id = String.format(Locale.ROOT, "%012x", random.nextLong() & 0xFFFF_FFFF_FFFFL);
			if (seen.add(id)) {
				ids.add(id);
			}
		}
		return ids;
	}

}
