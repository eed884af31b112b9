package dev.migrate.source;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.revision.Revision;
import dev.migrate.source.fixture.invalid.abstracted.AbstractRevision;
import dev.migrate.source.fixture.invalid.noconstructor.NoConstructor;
import dev.migrate.source.fixture.invalid.notmigration.NotAMigration;
import dev.migrate.source.fixture.revisions.AddUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class RevisionLoaderTests {

	private static final String FIXTURE = "dev/migrate/source/fixture/revisions";

	private static final List<String> FIXTURE_IDS = List.of("aa00", "aa01", "bb02", "cc03", "dd04");

	@TempDir
	Path temp;

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void recognizesSqlFileNamesAsLowerCasingThemWould() {
		String suffix = ".sql";
		for (int position = 0; position < suffix.length(); position++) {
			for (char c = 0; c < Character.MAX_VALUE; c++) {
				String name = "a" + suffix.substring(0, position) + c + suffix.substring(position + 1);
				assertThat(RevisionLoader.isSqlFileName(name)).as(name)
					.isEqualTo(name.toLowerCase(java.util.Locale.ROOT).endsWith(suffix));
			}
		}
		assertThat(RevisionLoader.isSqlFileName("sql")).isFalse();
		assertThat(RevisionLoader.isSqlFileName("A.SqL")).isTrue();
	}

	@Test
	void loadsEachDirectorysFilesBeforeItsSubDirectoriesAsAlembicDoes() throws IOException {
		// The order os.walk(top_down) with sorted files and dirs gives, as Alembic's _list_py_dir.
		List<String> expected = List.of("Z.sql", "_u.sql", "a.sql", "b.sql", "m.sql", "B/q.sql", "a/b.sql", "a/v.sql",
				"a/x/v.sql", "a/y/w.sql", "a.sql.d2/k.sql", "z/c.sql");
		List<String> shuffled = new ArrayList<>(expected);
		Collections.reverse(shuffled);
		for (String file : shuffled) {
			writeRevision(this.temp.resolve("revisions").resolve(file), idOf(file));
		}
		Files.writeString(this.temp.resolve("revisions/a.sql.d"), "not a revision");
		List<Revision> revisions = loader().load(List.of(Location.filesystem("revisions")));
		assertThat(revisions).extracting(Revision::source)
			.containsExactlyElementsOf(expected.stream().map((file) -> "revisions/" + file).toList());
		assertThat(revisions).extracting(Revision::id)
			.containsExactlyElementsOf(expected.stream().map(RevisionLoaderTests::idOf).toList());
	}

	@Test
	void walksADirectoryNamedLikeARevisionFileAsADirectory() throws IOException {
		writeRevision(this.temp.resolve("revisions/b.sql"), "b");
		writeRevision(this.temp.resolve("revisions/a.sql/inner.sql"), "inner");
		List<Revision> revisions = loader().load(List.of(Location.filesystem("revisions")));
		assertThat(revisions).extracting(Revision::source).containsExactly("revisions/b.sql", "revisions/a.sql/inner.sql");
	}

	@Test
	void followsLinksToFilesButNotToDirectoriesAndSkipsDanglingLinks() throws IOException {
		writeRevision(this.temp.resolve("elsewhere/linked.sql"), "linked");
		writeRevision(this.temp.resolve("elsewhere/dir/under.sql"), "under");
		writeRevision(this.temp.resolve("revisions/a.sql"), "a");
		Path revisions = this.temp.resolve("revisions");
		Files.createSymbolicLink(revisions.resolve("b.sql"), this.temp.resolve("elsewhere/linked.sql"));
		Files.createSymbolicLink(revisions.resolve("c.sql"), this.temp.resolve("elsewhere/missing.sql"));
		Files.createSymbolicLink(revisions.resolve("d"), this.temp.resolve("elsewhere/dir"));
		Files.createSymbolicLink(revisions.resolve("loop"), revisions);
		List<Revision> loaded = loader().load(List.of(Location.filesystem("revisions")));
		assertThat(loaded).extracting(Revision::id).containsExactly("a", "linked");
	}

	@Test
	void loadsALinkedFileReachedThroughTwoLocationsOnce() throws IOException {
		writeRevision(this.temp.resolve("one/a.sql"), "a");
		writeRevision(this.temp.resolve("two/b.sql"), "b");
		Files.createSymbolicLink(this.temp.resolve("two/a.sql"), this.temp.resolve("one/a.sql"));
		List<Revision> loaded = loader().load(List.of(Location.filesystem("one"), Location.filesystem("two")));
		assertThat(loaded).extracting(Revision::source).containsExactly("one/a.sql", "two/b.sql");
	}

	@Test
	void loadsADirectoryOnTheClassPathTwiceOnce() throws Exception {
		writeRevision(this.temp.resolve("classes/twice/revisions/a.sql"), "a");
		URL root = this.temp.resolve("classes").toUri().toURL();
		try (URLClassLoader twice = new URLClassLoader(new URL[] { root, root }, null)) {
			// URLClassLoader drops a repeated URL; a loader that does not must still load the file once
			ClassLoader repeating = new ClassLoader(null) {

				@Override
				public java.util.Enumeration<URL> getResources(String name) throws IOException {
					List<URL> urls = Collections.list(twice.getResources(name));
					urls.addAll(Collections.list(twice.getResources(name)));
					return Collections.enumeration(urls);
				}

			};
			List<Revision> loaded = new RevisionLoader(repeating).load(List.of(Location.classpath("twice/revisions")));
			assertThat(loaded).extracting(Revision::id).containsExactly("a");
		}
	}

	@Test
	void namesEachFileByItsLocationAndItsPathInside() throws IOException {
		writeRevision(this.temp.resolve("db/revisions/2026/1975ea83b712_add_products.sql"), "1975ea83b712");
		Revision revision = loader().load(List.of(Location.parse("db/revisions"))).get(0);
		assertThat(revision.source()).isEqualTo("db/revisions/2026/1975ea83b712_add_products.sql");
		assertThat(revision.checksum()).hasSize(64);
		assertThat(((SqlMigration) revision.migration()).upgradeSection().source()).isEqualTo(revision.source());
	}

	@Test
	void resolvesAbsoluteFilesystemLocationsAsIs() throws IOException {
		writeRevision(this.temp.resolve("abs/a1.sql"), "a1");
		Location location = Location.filesystem(this.temp.resolve("abs").toAbsolutePath().toString());
		Revision revision = new RevisionLoader(this.classLoader, Path.of("elsewhere")).load(List.of(location)).get(0);
		assertThat(revision.id()).isEqualTo("a1");
		assertThat(revision.source()).endsWith("/abs/a1.sql");
	}

	@Test
	void loadsLocationsInTheOrderGiven() throws IOException {
		writeRevision(this.temp.resolve("one/b.sql"), "b1");
		writeRevision(this.temp.resolve("two/a.sql"), "a2");
		assertThat(loader().load(List.of(Location.filesystem("two"), Location.filesystem("one"))))
			.extracting(Revision::id)
			.containsExactly("a2", "b1");
	}

	@Test
	void loadsAFileReachedThroughOverlappingLocationsOnce() throws IOException {
		writeRevision(this.temp.resolve("db/a.sql"), "a1");
		writeRevision(this.temp.resolve("db/revisions/b.sql"), "b1");
		List<Revision> revisions = loader()
			.load(List.of(Location.filesystem("db/revisions"), Location.filesystem("db"), Location.filesystem("db/")));
		assertThat(revisions).extracting(Revision::source).containsExactly("db/revisions/b.sql", "db/a.sql");
	}

	@Test
	void loadsOnlySqlFilesFromTheFilesystem() throws IOException {
		writeRevision(this.temp.resolve("revisions/a.sql"), "a1");
		writeRevision(this.temp.resolve("revisions/B.SQL"), "b1");
		Files.writeString(this.temp.resolve("revisions/README.md"), "# revisions");
		Files.writeString(this.temp.resolve("revisions/a.sql.orig"), "leftover");
		Files.write(this.temp.resolve("revisions/Stray.class"), new byte[] { (byte) 0xCA, (byte) 0xFE });
		Files.writeString(this.temp.resolve("revisions/.#a.sql"), "an editor's lock file");
		assertThat(loader().load(List.of(Location.filesystem("revisions")))).extracting(Revision::id)
			.containsExactly("b1", "a1");
	}

	@Test
	void failsOnAMissingFilesystemLocation() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(List.of(Location.filesystem("db/revisoins"))))
			.withMessageStartingWith("Revision location 'filesystem:db/revisoins' does not exist")
			.withMessageEndingWith("create it, or fix the configured locations");
	}

	@Test
	void ignoresAMissingOptionalLocation() {
		assertThat(loader().load(List.of(Location.filesystem("db/revisions").asOptional(),
				Location.classpath("no/such/revisions").asOptional())))
			.isEmpty();
	}

	@Test
	void failsWhenALocationIsAFile() throws IOException {
		writeRevision(this.temp.resolve("a.sql"), "a1");
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(List.of(Location.filesystem("a.sql").asOptional())))
			.withMessageStartingWith("Revision location 'filesystem:a.sql' is ")
			.withMessageContaining("which is not a directory");
	}

	@Test
	void failsOnAFileThatDoesNotParseRatherThanSkippingIt() throws IOException {
		writeRevision(this.temp.resolve("revisions/a.sql"), "a1");
		Files.writeString(this.temp.resolve("revisions/b.sql"), "-- Revision ID: b1\n-- Revison: a1\n-- migrate:upgrade\n");
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(List.of(Location.filesystem("revisions"))))
			.withMessageStartingWith("revisions/b.sql:2: unknown header key 'Revison'")
			.satisfies((ex) -> assertThat(ex.source()).isEqualTo("revisions/b.sql"));
	}

	@Test
	void loadsSqlResourcesAndRevisionClassesFromAClasspathDirectory() throws IOException {
		List<Revision> revisions = loader().load(List.of(Location.classpath(FIXTURE)));
		assertThat(revisions).extracting(Revision::id).containsExactlyElementsOf(FIXTURE_IDS);
		assertThat(revisions).extracting(Revision::source)
			.containsExactly(FIXTURE + "/0_base.sql", "class dev.migrate.source.fixture.revisions.AddUsers",
					FIXTURE + "/b_add_orders.sql", "class dev.migrate.source.fixture.revisions.sub.AddPayments",
					FIXTURE + "/sub/d_refunds.sql");
		assertThat(revisions.get(1).migration()).isInstanceOf(ClassMigration.class);
		assertThat(revisions.get(1).checksum()).isEqualTo(Checksums.sha256(Files.readAllBytes(
				testClasses().resolve(FIXTURE + "/AddUsers.class"))));
		assertThat(RecordingOperations.upgrade(revisions.get(2).migration())).containsExactly("CREATE TABLE orders (id int);\n");
	}

	@Test
	void loadsOneDirectoryOfALocationWithTheCallersSetOfClasses() throws IOException {
		Path directory = testClasses().resolve(FIXTURE);
		Set<String> classes = new HashSet<>(Set.of(AddUsers.class.getName()));
		List<Revision> revisions = loader().load(Location.classpath(FIXTURE), directory, classes, null);
		assertThat(revisions).extracting(Revision::source)
			.containsExactly(FIXTURE + "/0_base.sql", FIXTURE + "/b_add_orders.sql",
					"class dev.migrate.source.fixture.revisions.sub.AddPayments", FIXTURE + "/sub/d_refunds.sql");
		assertThat(classes).contains(AddUsers.class.getName(), "dev.migrate.source.fixture.revisions.sub.AddPayments");
		// a second directory of the location that holds the same classes loads them no more
		assertThat(loader().load(Location.classpath(FIXTURE), directory, classes, null)).extracting(Revision::source)
			.containsExactly(FIXTURE + "/0_base.sql", FIXTURE + "/b_add_orders.sql", FIXTURE + "/sub/d_refunds.sql");
	}

	@Test
	void loadsSqlResourcesAndRevisionClassesFromAJar() throws Exception {
		Path jar = this.temp.resolve("revisions.jar");
		List<Path> files = fixtureFiles();
		Collections.reverse(files);
		Map<String, byte[]> entries = new LinkedHashMap<>();
		for (Path file : files) {
			entries.put(testClasses().relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
		}
		writeJar(jar, entries);
		List<Revision> fromDirectory = loader().load(List.of(Location.classpath(FIXTURE)));
		ClassLoader parent = new HidingClassLoader(this.classLoader, "dev/migrate/source/fixture");
		try (URLClassLoader jarLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, parent)) {
			List<Revision> revisions = new RevisionLoader(jarLoader, this.temp)
				.load(List.of(Location.parse("classpath:/" + FIXTURE + "/")));
			assertThat(revisions).extracting(Revision::id).containsExactlyElementsOf(FIXTURE_IDS);
			assertThat(revisions).extracting(Revision::source)
				.containsExactlyElementsOf(fromDirectory.stream().map(Revision::source).toList());
			assertThat(revisions).extracting(Revision::checksum)
				.containsExactlyElementsOf(fromDirectory.stream().map(Revision::checksum).toList());
			Class<?> type = ((ClassMigration) revisions.get(1).migration()).type();
			assertThat(type.getClassLoader()).isSameAs(jarLoader);
			assertThat(type).isNotEqualTo(AddUsers.class);
			assertThat(RecordingOperations.upgrade(revisions.get(1).migration())).containsExactly("CREATE TABLE users (id int)");
			assertThat(RecordingOperations.downgrade(revisions.get(0).migration()))
				.containsExactly("DROP TABLE settings;\n");
		}
	}

	@Test
	void loadsAClasspathDirectoryAlsoNamedAsAFilesystemLocationOnce() throws Exception {
		Location directory = Location.filesystem(testClasses().resolve(FIXTURE).toString());
		List<Revision> revisions = loader().load(List.of(directory, Location.classpath(FIXTURE)));
		assertThat(revisions).extracting(Revision::id).containsExactly("aa00", "bb02", "dd04", "aa01", "cc03");
	}

	@Test
	void loadsAClassReachedThroughOverlappingClasspathLocationsOnce() {
		List<Revision> revisions = loader()
			.load(List.of(Location.classpath(FIXTURE + "/sub"), Location.classpath(FIXTURE)));
		assertThat(revisions).extracting(Revision::id).containsExactly("cc03", "dd04", "aa00", "aa01", "bb02");
	}

	@Test
	void findsAnAnnotatedStaticNestedClass() {
		assertThat(loader().load(List.of(Location.classpath("dev/migrate/source/fixture/nested"))))
			.extracting(Revision::id, Revision::source)
			.containsExactly(tuple("ee05",
					"class dev.migrate.source.fixture.nested.Outer$Inner"));
	}

	@Test
	void failsOnAMissingClasspathLocation() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(List.of(Location.parse(Location.DEFAULT))))
			.withMessage("Revision location 'classpath:db/revisions' was not found on the class path: put the revisions"
					+ " under db/revisions/ in the application's resources or in package db.revisions, or fix the"
					+ " configured locations");
	}

	@Test
	void failsOnAnAnnotatedClassThatIsNotAMigration() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(List.of(Location.classpath("dev/migrate/source/fixture/invalid/notmigration"))))
			.withMessageStartingWith("Revision class " + NotAMigration.class.getName() + " does not implement");
	}

	@Test
	void failsOnAnAbstractRevisionClass() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(List.of(Location.classpath("dev/migrate/source/fixture/invalid/abstracted"))))
			.withMessageStartingWith("Revision class " + AbstractRevision.class.getName() + " is abstract");
	}

	@Test
	void failsOnARevisionClassWithoutANoArgConstructor() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(
					() -> loader().load(List.of(Location.classpath("dev/migrate/source/fixture/invalid/noconstructor"))))
			.withMessageStartingWith("Revision class " + NoConstructor.class.getName() + " has no public no-arg constructor");
	}

	@Test
	void failsOnAClassFileThatDoesNotLoad() throws Exception {
		Path jar = this.temp.resolve("broken.jar");
		writeJar(jar, Map.of("broken/revisions/Broken.class", "not a class file".getBytes(StandardCharsets.UTF_8)));
		try (URLClassLoader jarLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, this.classLoader)) {
			assertThatExceptionOfType(RevisionSourceException.class)
				.isThrownBy(() -> new RevisionLoader(jarLoader).load(List.of(Location.classpath("broken/revisions"))))
				.withMessageStartingWith("Cannot load class broken.revisions.Broken (broken/revisions/Broken.class)");
		}
	}

	@Test
	void failsOnASqlResourceInAJarThatDoesNotParse() throws Exception {
		Path jar = this.temp.resolve("bad.jar");
		writeJar(jar, Map.of("bad/revisions/a.sql", "CREATE TABLE a (id int);".getBytes(StandardCharsets.UTF_8)));
		try (URLClassLoader jarLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, this.classLoader)) {
			assertThatExceptionOfType(RevisionSourceException.class)
				.isThrownBy(() -> new RevisionLoader(jarLoader).load(List.of(Location.classpath("bad/revisions"))))
				.withMessageStartingWith("bad/revisions/a.sql has no 'Revision ID'");
		}
	}

	@Test
	void loadsOneDirectoryOfAJarByItsUrl() throws IOException {
		Path jar = this.temp.resolve("one.jar");
		Map<String, byte[]> files = new LinkedHashMap<>();
		files.put("db/revs/b 100%.sql", revisionBytes("b1", "a1"));
		files.put("db/revs/a.sql", revisionBytes("a1", null));
		files.put("db/revs/.#a.sql", "an editor's lock file".getBytes(StandardCharsets.UTF_8));
		files.put("db/other/c.sql", revisionBytes("c1", null));
		writeJar(jar, files);
		URL directory = new URL("jar:" + jar.toUri() + "!/db/revs/");
		Set<String> loaded = new HashSet<>();
		List<Revision> revisions = loader().load(Location.classpath("db/revs"), directory, new HashSet<>(), loaded);
		assertThat(revisions).extracting(Revision::source).containsExactly("db/revs/a.sql", "db/revs/b 100%.sql");
		// the same entries reached again, through an overlapping location, are loaded once
		assertThat(loader().load(Location.classpath("db/revs"), directory, new HashSet<>(), loaded)).isEmpty();
	}

	@Test
	void failsOnADirectoryUrlThatIsNotInAJar() throws IOException {
		URL directory = testClasses().resolve(FIXTURE).toUri().toURL();
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(Location.classpath(FIXTURE), directory, new HashSet<>(), null))
			.withMessageContaining("it does not open as a jar");
	}

	@Test
	void failsOnAJarThatCannotBeOpenedNamingIt() throws IOException {
		URL directory = new URL("jar:" + this.temp.resolve("gone.jar").toUri() + "!/db/revs/");
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> loader().load(Location.classpath("db/revs"), directory, new HashSet<>(), null))
			.withMessageStartingWith("Cannot read " + directory + " for revision location 'classpath:db/revs': java.");
	}

	private static byte[] revisionBytes(String id, String revises) {
		return ("-- revision " + id + "\n-- Revision ID: " + id + "\n-- Revises: " + ((revises != null) ? revises : "")
				+ "\n\n-- migrate:upgrade\nSELECT 1;\n").getBytes(StandardCharsets.UTF_8);
	}

	private RevisionLoader loader() {
		return new RevisionLoader(this.classLoader, this.temp);
	}

	private static String idOf(String file) {
		return file.toLowerCase().replaceAll("[^0-9a-z]", "_");
	}

	private static void writeRevision(Path file, String id) throws IOException {
		Files.createDirectories(file.getParent());
		Files.writeString(file, "-- revision " + id + "\n-- Revision ID: " + id + "\n\n-- migrate:upgrade\nSELECT 1;\n");
	}

	private static Path testClasses() {
		try {
			return Path.of(AddUsers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<Path> fixtureFiles() throws IOException {
		try (Stream<Path> paths = Files.walk(testClasses().resolve(FIXTURE))) {
			return new ArrayList<>(paths.filter(Files::isRegularFile).sorted().toList());
		}
	}

	/** Writes a jar with the given file entries, preceded by an entry for each directory. */
	private static void writeJar(Path jar, Map<String, byte[]> files) throws IOException {
		Set<String> directories = new LinkedHashSet<>();
		for (String name : files.keySet()) {
			for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
				directories.add(name.substring(0, slash + 1));
			}
		}
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			for (String directory : directories) {
				jarOut.putNextEntry(new JarEntry(directory));
				jarOut.closeEntry();
			}
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				jarOut.putNextEntry(new JarEntry(file.getKey()));
				jarOut.write(file.getValue());
				jarOut.closeEntry();
			}
		}
	}

}
