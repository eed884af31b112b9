package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.DefaultResourceLoader;

import dev.migrate.MigrateException;
import dev.migrate.autoconfigure.fixture.javarevisions.AddWidgets;
import dev.migrate.revision.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResourceRevisionLoaderTests {

	private static final String JAVA_REVISIONS_PATH = "dev/migrate/autoconfigure/fixture/javarevisions";

	private static final String JAVA_REVISIONS = "classpath:" + JAVA_REVISIONS_PATH;

	private final ResourceRevisionLoader loader = new ResourceRevisionLoader(new DefaultResourceLoader());

	@TempDir
	Path temp;

	@Test
	void loadsSqlRevisionsOnTheClassPathInWalkOrder() {
		List<Revision> revisions = this.loader.load(List.of("classpath:revisions/simple"), false, Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("a001", "a002", "a003");
		assertThat(revisions).extracting(Revision::source)
			.containsExactly("revisions/simple/0001_create_products.sql", "revisions/simple/0002_add_orders.sql",
					"revisions/simple/sub/0003_add_refunds.sql");
		assertThat(revisions.get(1).downRevisions()).containsExactly("a001");
		assertThat(revisions.get(0).checksum()).hasSize(64);
	}

	@Test
	void acceptsClasspathAllPrefixAndSlashes() {
		List<Revision> revisions = this.loader.load(List.of("classpath*:/revisions/simple/"), false, Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("a001", "a002", "a003");
	}

	@Test
	void treatsALocationWithoutPrefixAsClasspath() {
		List<Revision> revisions = this.loader.load(List.of("revisions/simple"), false, Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("a001", "a002", "a003");
	}

	@Test
	void loadsRevisionClassesOfTheLocationsPackage() {
		List<Revision> revisions = this.loader.load(List.of(JAVA_REVISIONS), false, Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("j002", "j001");
		assertThat(revisions).extracting(Revision::source)
			.containsExactly("class dev.migrate.autoconfigure.fixture.javarevisions.AddGadgets",
					"class dev.migrate.autoconfigure.fixture.javarevisions.AddWidgets");
	}

	@Test
	void leavesOutRevisionClassesThatAreGivenAsInstances() {
		List<Revision> revisions = this.loader.load(List.of(JAVA_REVISIONS), false, Set.of(AddWidgets.class.getName()));
		assertThat(revisions).extracting(Revision::id).containsExactly("j002");
	}

	@Test
	void loadsFilesystemAndFileLocations() throws IOException {
		Path directory = Files.createDirectories(this.temp.resolve("revs/nested"));
		write(this.temp.resolve("revs/b.sql"), revision("f002", "f001"));
		write(this.temp.resolve("revs/a.sql"), revision("f001", null));
		write(directory.resolve("c.sql"), revision("f003", "f002"));
		String path = this.temp.resolve("revs").toString();
		assertThat(this.loader.load(List.of("filesystem:" + path), false, Set.of())).extracting(Revision::id)
			.containsExactly("f001", "f002", "f003");
		List<Revision> revisions = this.loader.load(List.of(this.temp.resolve("revs").toUri().toString()), false,
				Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("f001", "f002", "f003");
		assertThat(revisions.get(2).source()).endsWith("revs/nested/c.sql");
	}

	@Test
	void loadsAFileReachedThroughOverlappingLocationsOnce() {
		List<Revision> revisions = this.loader.load(List.of("classpath:revisions/simple/sub", "classpath:revisions/simple"),
				false, Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("a003", "a001", "a002");
	}

	@ParameterizedTest(name = "jars through Spring: {0}")
	@ValueSource(booleans = { false, true })
	void loadsRevisionsInsideAJar(boolean jarsThroughSpring) throws IOException {
		Path jar = jar("revisions.jar", (out) -> {
			out.putNextEntry(new JarEntry("jarred/"));
			out.putNextEntry(new JarEntry("jarred/revs/"));
			entry(out, "jarred/revs/2.sql", revision("k002", "k001"));
			entry(out, "jarred/revs/1.sql", revision("k001", null));
		});
		List<Revision> revisions = load(jarsThroughSpring, jar, null, "classpath:jarred/revs", Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("k001", "k002");
		assertThat(revisions).extracting(Revision::source).containsExactly("jarred/revs/1.sql", "jarred/revs/2.sql");
	}

	@Test
	void skipsAMissingLocationThatIsOptional() {
		assertThat(this.loader.load(List.of("classpath:db/nothing-here"), true, Set.of())).isEmpty();
	}

	@Test
	void failsOnAMissingClasspathLocationNamingWhereToPutRevisions() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.loader.load(List.of("classpath:db/nothing-here"), false, Set.of()))
			.withMessage("Revision location 'classpath:db/nothing-here' does not exist: put the revisions under"
					+ " src/main/resources/db/nothing-here (or Java revisions in package db.nothing-here), or fix"
					+ " migrate.locations");
	}

	@Test
	void failsOnAMissingDirectory() {
		String location = "filesystem:" + this.temp.resolve("missing");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.loader.load(List.of(location), false, Set.of()))
			.withMessage("Revision location '" + location + "' does not exist: create the directory, or fix"
					+ " migrate.locations");
	}

	@Test
	void failsOnALocationWithAWildcard() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.loader.load(List.of("classpath:db/**"), false, Set.of()))
			.withMessageContaining("'classpath:db/**' holds a wildcard");
	}

	@Test
	void failsOnALocationWithoutPath() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.loader.load(List.of("classpath:"), false, Set.of()))
			.withMessage("Revision location 'classpath:' names no directory: use e.g. 'classpath:db/revisions' or"
					+ " 'filesystem:db/revisions'");
	}

	@Test
	void failsOnAFileThatIsNotValidUtf8() throws IOException {
		Files.createDirectories(this.temp.resolve("latin"));
		Files.write(this.temp.resolve("latin/a.sql"), new byte[] { '-', '-', ' ', (byte) 0xE9 });
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> this.loader.load(List.of("filesystem:" + this.temp.resolve("latin")), false, Set.of()))
			.withMessageEndingWith("latin/a.sql is not valid UTF-8 text: save it with UTF-8 encoding");
	}

	@ParameterizedTest(name = "jars through Spring: {0}")
	@ValueSource(booleans = { false, true })
	void loadsRevisionClassesInsideAJarAndSkipsOtherFiles(boolean jarsThroughSpring) throws IOException {
		Path jar = jar("classes.jar", (out) -> {
			javaRevisionClasses(out);
			entry(out, JAVA_REVISIONS_PATH + "/0000 première.sql", revision("j000", null));
			entry(out, JAVA_REVISIONS_PATH + "/.#0000 première.sql", "an editor's lock file, not a revision");
			entry(out, JAVA_REVISIONS_PATH + "/notes.txt", "not a revision");
			entry(out, JAVA_REVISIONS_PATH + "/package-info.class", "not a class of a binary name");
		});
		List<Revision> revisions = load(jarsThroughSpring, jar, withoutJavaRevisions(), JAVA_REVISIONS,
				Set.of(AddWidgets.class.getName()));
		assertThat(revisions).extracting(Revision::id).containsExactly("j000", "j002");
		assertThat(revisions).extracting(Revision::source)
			.containsExactly(JAVA_REVISIONS_PATH + "/0000 première.sql",
					"class dev.migrate.autoconfigure.fixture.javarevisions.AddGadgets");
	}

	@Test
	void loadsAJarEntryWhoseNameHoldsAPercentSign() throws IOException {
		Path jar = jar("percent.jar", (out) -> {
			out.putNextEntry(new JarEntry("pct/"));
			entry(out, "pct/0001_100%.sql", revision("p001", null));
			entry(out, "pct/0002_a%41 #b.sql", revision("p002", "p001"));
		});
		assertThat(load(false, jar, null, "classpath:pct", Set.of())).extracting(Revision::source)
			.containsExactly("pct/0001_100%.sql", "pct/0002_a%41 #b.sql");
	}

	@Test
	void failsOnAJarEntryWhoseNameHoldsAPercentSignNamingItWhenSpringReadsTheJar() throws IOException {
		// the JDK cannot open the URL of such an entry
		Path jar = jar("percent.jar", (out) -> {
			out.putNextEntry(new JarEntry("pct/"));
			entry(out, "pct/0001_100%.sql", revision("p001", null));
		});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> load(true, jar, null, "classpath:pct", Set.of()))
			.withMessageStartingWith("Cannot read revision file pct/0001_100%.sql: its URL jar:");
	}

	@ParameterizedTest(name = "jars through Spring: {0}")
	@ValueSource(booleans = { false, true })
	void loadsARevisionClassReachedInADirectoryAndInAJarOnce(boolean jarsThroughSpring) throws IOException {
		Path jar = jar("again.jar", ResourceRevisionLoaderTests::javaRevisionClasses);
		List<Revision> revisions = load(jarsThroughSpring, jar, ResourceRevisionLoaderTests.class.getClassLoader(),
				JAVA_REVISIONS, Set.of());
		assertThat(revisions).extracting(Revision::id).containsExactly("j002", "j001");
	}

	@ParameterizedTest(name = "jars through Spring: {0}")
	@ValueSource(booleans = { false, true })
	void failsOnAClassInsideAJarThatDoesNotLoadNamingIt(boolean jarsThroughSpring) throws IOException {
		Path jar = jar("broken.jar", (out) -> {
			directoryEntries(out);
			entry(out, JAVA_REVISIONS_PATH + "/Broken.class", "not class bytes");
		});
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> load(jarsThroughSpring, jar, withoutJavaRevisions(), JAVA_REVISIONS, Set.of()))
			.withMessageStartingWith("Cannot load class dev.migrate.autoconfigure.fixture.javarevisions.Broken ("
					+ JAVA_REVISIONS_PATH + "/Broken.class) to look for @Revision");
	}

	/** A jar under the temporary directory, with the given entries. */
	private Path jar(String name, JarContent content) throws IOException {
		Path jar = this.temp.resolve(name);
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			content.writeTo(out);
		}
		return jar;
	}

	@FunctionalInterface
	private interface JarContent {

		void writeTo(JarOutputStream out) throws IOException;

	}

	/**
	 * Loads a location with a class loader that holds a jar, after its parent, reading the
	 * jar with the engine's loader or through Spring's resources.
	 */
	private static List<Revision> load(boolean jarsThroughSpring, Path jar, ClassLoader parent, String location,
			Set<String> skippedClasses) throws IOException {
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, parent)) {
			return new ResourceRevisionLoader(new DefaultResourceLoader(classLoader), jarsThroughSpring)
				.load(List.of(location), false, skippedClasses);
		}
	}

	/** The Java revisions' package with its three classes, as the test classes hold them. */
	private static void javaRevisionClasses(JarOutputStream out) throws IOException {
		directoryEntries(out);
		for (String name : List.of("AddGadgets", "AddWidgets", "Helper")) {
			classEntry(out, name);
		}
	}

	/** The test class loader, without the classes and resources of the Java revisions' package. */
	private static ClassLoader withoutJavaRevisions() {
		return new ClassLoader(ResourceRevisionLoaderTests.class.getClassLoader()) {

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				if (name.startsWith(JAVA_REVISIONS_PATH.replace('/', '.') + ".")) {
					throw new ClassNotFoundException(name);
				}
				return super.loadClass(name, resolve);
			}

			@Override
			public URL getResource(String name) {
				return name.startsWith(JAVA_REVISIONS_PATH) ? null : super.getResource(name);
			}

			@Override
			public Enumeration<URL> getResources(String name) throws IOException {
				return name.startsWith(JAVA_REVISIONS_PATH) ? Collections.emptyEnumeration() : super.getResources(name);
			}

		};
	}

	/**
	 * The directory entries of the Java revisions' package, which a class path location
	 * needs, as build tools write them.
	 */
	private static void directoryEntries(JarOutputStream out) throws IOException {
		int slash = 0;
		while ((slash = JAVA_REVISIONS_PATH.indexOf('/', slash + 1)) > 0) {
			out.putNextEntry(new JarEntry(JAVA_REVISIONS_PATH.substring(0, slash + 1)));
		}
		out.putNextEntry(new JarEntry(JAVA_REVISIONS_PATH + "/"));
	}

	private static void classEntry(JarOutputStream out, String simpleName) throws IOException {
		String name = JAVA_REVISIONS_PATH + "/" + simpleName + ".class";
		try (InputStream in = ResourceRevisionLoaderTests.class.getClassLoader().getResourceAsStream(name)) {
			out.putNextEntry(new JarEntry(name));
			in.transferTo(out);
			out.closeEntry();
		}
	}

	static String revision(String id, String revises) {
		return "-- revision " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + ((revises != null) ? revises : "")
				+ "\n\n-- migrate:upgrade\nCREATE TABLE t_" + id + " (id int);\n\n-- migrate:downgrade\nDROP TABLE t_" + id
				+ ";\n";
	}

	private static void write(Path path, String text) throws IOException {
		Files.writeString(path, text, StandardCharsets.UTF_8);
	}

	private static void entry(JarOutputStream out, String name, String text) throws IOException {
		out.putNextEntry(new JarEntry(name));
		OutputStream stream = out;
		stream.write(text.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

}
