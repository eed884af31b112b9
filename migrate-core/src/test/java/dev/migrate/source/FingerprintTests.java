package dev.migrate.source;

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
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fingerprint of what revisions are loaded from: it must change with every change that
 * could change the graph, and stay the same when nothing changed.
 */
class FingerprintTests {

	/** What {@link #digestOfKnownValuesStaysTheSame()} gave with the code before 265acdd (Long.rotateLeft). */
	private static final String KNOWN_DIGEST = "d2580a960610db32e1017e62c6469bfa";

	private static final Instant AN_HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS);

	@TempDir
	Path directory;

	private final RevisionLoader loader = new RevisionLoader(getClass().getClassLoader());

	@Test
	void sameFilesGiveTheSameFingerprint() throws IOException {
		writeRevisions();
		assertThat(fingerprint()).isEqualTo(fingerprint()).hasSize(32);
	}

	@Test
	void digestOfKnownValuesStaysTheSame() {
		// databases keep the fingerprints of earlier runs: a digest that changed by accident would
		// make every application load its revisions once more after an upgrade of migrate
		byte[] bytes = new byte[77];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (i * 37);
		}
		Fingerprint fingerprint = new Fingerprint().add("héllo wörld ✓")
			.add(-1L)
			.add(Long.MIN_VALUE)
			.add(bytes, 3, 70)
			.add(List.of("a", "bc"))
			.addUnordered(List.of(new Fingerprint().add(1), new Fingerprint().add("two")));
		assertThat(fingerprint).hasToString(KNOWN_DIGEST);
	}

	@Test
	void addedRemovedRenamedResizedOrTouchedFileChangesIt() throws IOException {
		writeRevisions();
		String before = fingerprint();

		write("c.sql", revision("cc03", "bb02"), AN_HOUR_AGO.plusSeconds(3));
		String added = fingerprint();
		assertThat(added).isNotEqualTo(before);

		Files.move(this.directory.resolve("c.sql"), this.directory.resolve("d.sql"));
		String renamed = fingerprint();
		assertThat(renamed).isNotEqualTo(added).isNotEqualTo(before);

		Files.delete(this.directory.resolve("d.sql"));
		assertThat(fingerprint()).isEqualTo(before);

		write("b.sql", revision("bb02", "aa01") + "-- more\n", AN_HOUR_AGO.plusSeconds(2));
		assertThat(fingerprint()).isNotEqualTo(before);

		write("b.sql", revision("bb02", "aa01"), AN_HOUR_AGO.plusSeconds(20));
		String touched = fingerprint();
		assertThat(touched).isNotEqualTo(before);
		Files.setLastModifiedTime(this.directory.resolve("b.sql"), FileTime.from(AN_HOUR_AGO.plusSeconds(2)));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void filesThatHoldNoRevisionAndLockFilesDoNotChangeIt() throws IOException {
		writeRevisions();
		String before = fingerprint();
		write("README.md", "notes", AN_HOUR_AGO);
		write(".#a.sql", "an editor's lock file", AN_HOUR_AGO.plusSeconds(7));
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void fileInSubdirectoryCounts() throws IOException {
		writeRevisions();
		String before = fingerprint();
		Files.createDirectories(this.directory.resolve("sub"));
		write("sub/c.sql", revision("cc03", "bb02"), AN_HOUR_AGO.plusSeconds(3));
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void sameSizeEditIsSeenWhenAllFilesShareOneTime() throws IOException {
		// as container image tools and reproducible archives leave them: every file at one time
		Instant fixed = Instant.parse("2024-05-01T00:00:00Z");
		write("a.sql", revision("aa01", null), fixed);
		write("b.sql", revision("bb02", "aa01"), fixed);
		write("c.sql", revision("cc03", "aa01"), fixed);
		String before = fingerprint();
		// the same size and time, another down revision: the graph changes
		write("c.sql", revision("cc03", "bb02"), fixed);
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void sameSizeEditIsSeenWhenTheTimeIsBefore1981() throws IOException {
		Instant fixed = Instant.parse("1980-01-01T00:00:01Z");
		write("a.sql", revision("aa01", null), fixed);
		String before = fingerprint();
		write("a.sql", revision("aa02", null), fixed);
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void sameSizeEditIsSeenWhileTheTimeIsRecent() throws IOException {
		Instant now = Instant.now();
		write("a.sql", revision("aa01", null), AN_HOUR_AGO);
		write("b.sql", revision("bb02", "aa01"), now);
		String before = fingerprint();
		// a second edit in the same clock tick keeps the time
		write("b.sql", revision("bb03", "aa01"), now);
		assertThat(fingerprint()).isNotEqualTo(before);
	}

	@Test
	void timesAreTrustedOnlyWhenTheyTellEditsApart() throws IOException {
		writeRevisions();
		assertThat(mode()).isEqualTo("times");
		Files.setLastModifiedTime(this.directory.resolve("b.sql"), FileTime.from(AN_HOUR_AGO.plusSeconds(1)));
		assertThat(mode()).as("two files, one time").isEqualTo("bytes");
	}

	@Test
	void missingOptionalLocationIsFingerprintedAndMissingRequiredOneIsNot() {
		Location required = Location.parse("filesystem:" + this.directory.resolve("missing"));
		assertThat(this.loader.fingerprint(List.of(required), new Fingerprint())).isFalse();
		Fingerprint optional = new Fingerprint();
		assertThat(this.loader.fingerprint(List.of(required.asOptional()), optional)).isTrue();
	}

	@Test
	void missingRequiredClasspathLocationIsNotFingerprintedAndMissingOptionalOneIs() {
		Location required = Location.parse("classpath:db/not_there_" + System.nanoTime());
		assertThat(this.loader.fingerprint(List.of(required), new Fingerprint())).isFalse();
		assertThat(this.loader.fingerprint(List.of(required.asOptional()), new Fingerprint())).isTrue();
	}

	@Test
	void classpathDirectoryAndJarAreFingerprinted() throws IOException {
		Path classes = this.directory.resolve("classes");
		Files.createDirectories(classes.resolve("db/revs"));
		Files.writeString(classes.resolve("db/revs/a.sql"), revision("aa01", null));
		Files.setLastModifiedTime(classes.resolve("db/revs/a.sql"), FileTime.from(AN_HOUR_AGO));
		Path jar = this.directory.resolve("revs.jar");
		writeJar(jar, revision("bb02", "aa01"));
		try (var classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL(), jar.toUri().toURL() },
				null)) {
			RevisionLoader classpath = new RevisionLoader(classLoader);
			Fingerprint first = new Fingerprint();
			assertThat(classpath.fingerprint(List.of(Location.parse("classpath:db/revs")), first)).isTrue();
			String before = first.toString();
			// the same size, other bytes: the jar's CRC tells
			writeJar(jar, revision("bb02", "aa02"));
			Fingerprint second = new Fingerprint();
			assertThat(classpath.fingerprint(List.of(Location.parse("classpath:db/revs")), second)).isTrue();
			assertThat(second.toString()).isNotEqualTo(before);
		}
	}

	@Test
	void urlThatIsNotAJarIsNotFingerprinted() throws IOException {
		Location location = Location.parse("classpath:db/revs");
		assertThat(this.loader.fingerprint(location, this.directory.toUri().toURL(), new Fingerprint())).isFalse();
	}

	@Test
	void revisionFieldsThatPlaceItInTheGraphChangeIt() {
		String base = new Fingerprint().add(Revision.builder("bb02").revises("aa01").build()).toString();
		assertThat(new Fingerprint().add(Revision.builder("bb02").revises("aa01").build()).toString()).isEqualTo(base);
		assertThat(new Fingerprint().add(Revision.builder("bb02").revises("aa02").build()).toString()).isNotEqualTo(base);
		assertThat(new Fingerprint().add(Revision.builder("bb02").revises("aa01").dependsOn("cc03").build()).toString())
			.isNotEqualTo(base);
		assertThat(new Fingerprint().add(Revision.builder("bb02").revises("aa01").branchLabels("x").build()).toString())
			.isNotEqualTo(base);
	}

	@Test
	void unorderedItemsGiveOneFingerprintWhateverTheirOrder() {
		Fingerprint a = new Fingerprint().add("a.sql").add(1);
		Fingerprint b = new Fingerprint().add("b.sql").add(2);
		String ab = new Fingerprint().addUnordered(List.of(a, b)).toString();
		assertThat(new Fingerprint().addUnordered(List.of(b, a)).toString()).isEqualTo(ab);
		assertThat(new Fingerprint().addUnordered(List.of(a)).toString()).isNotEqualTo(ab);
		assertThat(new Fingerprint().addUnordered(List.of(a, new Fingerprint().add("b.sql").add(3))).toString())
			.isNotEqualTo(ab);
		// one item moved into another position of an ordered fingerprint is another fingerprint
		assertThat(new Fingerprint().add(a.toString()).add(b.toString()).toString())
			.isNotEqualTo(new Fingerprint().add(b.toString()).add(a.toString()).toString());
	}

	@Test
	void textsAndNumbersAreToldApart() {
		assertThat(new Fingerprint().add("ab").add("c").toString())
			.isNotEqualTo(new Fingerprint().add("a").add("bc").toString());
		assertThat(new Fingerprint().add((String) null).toString()).isNotEqualTo(new Fingerprint().add("").toString());
		assertThat(new Fingerprint().add(1).add(2).toString()).isNotEqualTo(new Fingerprint().add(2).add(1).toString());
	}

	private void writeRevisions() throws IOException {
		write("a.sql", revision("aa01", null), AN_HOUR_AGO.plusSeconds(1));
		write("b.sql", revision("bb02", "aa01"), AN_HOUR_AGO.plusSeconds(2));
	}

	private String fingerprint() {
		Fingerprint fingerprint = new Fingerprint();
		assertThat(this.loader.fingerprint(List.of(Location.parse("filesystem:" + this.directory)), fingerprint))
			.isTrue();
		return fingerprint.toString();
	}

	/** Whether the directory is fingerprinted by its files' times or by their bytes. */
	private String mode() throws IOException {
		long now = Instant.now().toEpochMilli() * 1000;
		return DirectoryFingerprint.scan(this.directory, false).timesTrusted(now) ? "times" : "bytes";
	}

	private void write(String name, String content, Instant modified) throws IOException {
		Path file = this.directory.resolve(name);
		Files.writeString(file, content);
		Files.setLastModifiedTime(file, FileTime.from(modified));
	}

	private static String revision(String id, String revises) {
		return "-- " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + ((revises != null) ? revises : "")
				+ "\n\n-- migrate:upgrade\nSELECT 1;\n\n-- migrate:downgrade\nSELECT 2;\n";
	}

	private static void writeJar(Path jar, String content) throws IOException {
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			jarOut.putNextEntry(new JarEntry("db/"));
			jarOut.putNextEntry(new JarEntry("db/revs/"));
			jarOut.putNextEntry(new JarEntry("db/revs/b.sql"));
			jarOut.write(content.getBytes(StandardCharsets.UTF_8));
			jarOut.closeEntry();
		}
	}

}
