package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrate.Migrator;
import dev.migrate.source.RevisionSourceException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A start at the heads of revisions that did not change since a start brought the database
 * there reads none of them, whether they are in a class path directory or a jar.
 */
class UnchangedRevisionsStartTests {

	private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

	private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withBean(DataSource.class, () -> h2(this.url));

	@TempDir
	Path classes;

	@Test
	void startAtTheHeadsOfUnchangedFilesParsesNone() throws IOException {
		Path revisions = Files.createDirectories(this.classes.resolve("db/revisions"));
		write(revisions.resolve("0001_first.sql"), ResourceRevisionLoaderTests.revision("d001", null), 1);
		write(revisions.resolve("0002_second.sql"), ResourceRevisionLoaderTests.revision("d002", "d001"), 2);
		ApplicationContextRunner runner = this.contextRunner.withClassLoader(classLoader(this.classes));
		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("d002");
		});
		// The same size and time, but no longer a revision: a start that parsed it would fail.
		String broken = ResourceRevisionLoaderTests.revision("d002", "d001").replace("Revision ID", "Revision XX");
		write(revisions.resolve("0002_second.sql"), broken, 2);

		runner.run((context) -> {
			assertThat(context).hasNotFailed();
			Migrator migrator = context.getBean(Migrator.class);
			assertThat(migrator.current()).containsExactly("d002");
			// what asks for the revisions afterwards loads them
			assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(migrator::graph)
				.withMessageContaining("0002_second.sql");
		});
		runner.withPropertyValues("migrate.skip-unchanged-revisions=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasRootCauseInstanceOf(RevisionSourceException.class));
	}

	@Test
	void changedJarIsLoadedAndItsNewRevisionApplied() throws IOException {
		Path jar = this.classes.resolve("revisions.jar");
		writeJar(jar, ResourceRevisionLoaderTests.revision("j001", null));
		this.contextRunner.withClassLoader(classLoader(jar)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("j001");
		});
		this.contextRunner.withClassLoader(classLoader(jar)).run((context) -> assertThat(context).hasNotFailed());
		assertThat(fingerprints()).hasSize(1);

		writeJar(jar, ResourceRevisionLoaderTests.revision("j001", null),
				ResourceRevisionLoaderTests.revision("j002", "j001"));
		this.contextRunner.withClassLoader(classLoader(jar)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).current()).containsExactly("j002");
		});
		assertThat(fingerprints()).hasSize(2);
	}

	private List<String> fingerprints() {
		return new JdbcTemplate(h2(this.url)).queryForList("SELECT fingerprint FROM migrate_version_fingerprint",
				String.class);
	}

	private URLClassLoader classLoader(Path root) throws IOException {
		return new URLClassLoader(new URL[] { root.toUri().toURL() }, getClass().getClassLoader());
	}

	/** Writes a file with a time some seconds after an hour ago, so that its time tells edits apart. */
	private static void write(Path file, String text, int seconds) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(AN_HOUR_AGO.plusSeconds(seconds)));
	}

	private static void writeJar(Path jar, String... revisions) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			jarOut.putNextEntry(new JarEntry("db/"));
			jarOut.putNextEntry(new JarEntry("db/revisions/"));
			for (int i = 0; i < revisions.length; i++) {
				jarOut.putNextEntry(new JarEntry("db/revisions/000" + (i + 1) + ".sql"));
				jarOut.write(revisions[i].getBytes(StandardCharsets.UTF_8));
				jarOut.closeEntry();
			}
		}
	}

	private static DataSource h2(String url) {
		return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url).username("sa").build();
	}

}
