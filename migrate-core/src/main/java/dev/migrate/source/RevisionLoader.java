package dev.migrate.source;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.revision.Revision;

/**
 * Loads the revisions found under {@link Location locations}: SQL revision files (see
 * {@link SqlRevisions}) and, under {@code classpath:} locations, the
 * {@link dev.migrate.Revision @Revision} classes of the matching package and its
 * sub-packages (see {@link JavaRevisions}).
 *
 * <p>Revisions come in Alembic's load order, which the revision graph uses to break ties:
 * locations in the order given; inside one, each directory's files sorted by name, then its
 * sub-directories in sorted order, walked the same way. A class takes the place of its class
 * file. A file reached through two overlapping locations is loaded once. Class path
 * directories and jars are read through {@link ClassLoader#getResources(String)}; jars must
 * hold directory entries, as jars built by Maven and Gradle do.
 */
public final class RevisionLoader {

	private static final Logger logger = LoggerFactory.getLogger(RevisionLoader.class);

	private final ClassLoader classLoader;

	private final Path baseDirectory;

	/**
	 * A loader whose {@code filesystem:} locations are relative to the working directory.
	 * @param classLoader the class loader for {@code classpath:} locations
	 */
	public RevisionLoader(ClassLoader classLoader) {
		this(classLoader, Path.of(""));
	}

	/**
	 * A loader whose relative {@code filesystem:} locations are relative to a directory.
	 * @param classLoader the class loader for {@code classpath:} locations
	 * @param baseDirectory the directory that relative file system locations start from
	 */
	public RevisionLoader(ClassLoader classLoader, Path baseDirectory) {
		this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
		this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
	}

	/**
	 * Loads every revision under the locations, in load order.
	 * @param locations where to look, in order
	 * @return the revisions
	 * @throws RevisionSourceException if a location that is not optional does not exist, a
	 * location cannot be read, a SQL file does not parse, or a revision class cannot be used
	 */
	public List<Revision> load(List<Location> locations) {
		Loading loading = new Loading();
		for (Location location : locations) {
			int before = loading.revisions.size();
			if (location.isClasspath()) {
				scanClasspath(location, loading);
			}
			else {
				scanFilesystem(location, loading);
			}
			logger.debug("Loaded {} revisions from {}", loading.revisions.size() - before, location);
		}
		return List.copyOf(loading.revisions);
	}

	private void scanFilesystem(Location location, Loading loading) {
		Path directory = this.baseDirectory.resolve(location.path());
		if (!Files.exists(directory)) {
			if (!location.optional()) {
				throw new RevisionSourceException(location.toString(), 0, "Revision location '" + location
						+ "' does not exist (looked for directory " + directory.toAbsolutePath()
						+ "): create it, or fix the configured locations");
			}
			return;
		}
		walkDirectory(location, directory, false, loading);
	}

	private void scanClasspath(Location location, Loading loading) {
		List<URL> urls = new ArrayList<>();
		try {
			Enumeration<URL> resources = this.classLoader.getResources(location.path());
			while (resources.hasMoreElements()) {
				urls.add(resources.nextElement());
			}
		}
		catch (IOException ex) {
			throw new RevisionSourceException(location.toString(), 0,
					"Cannot list revision location '" + location + "': " + ex.getMessage(), ex);
		}
		if (urls.isEmpty() && !location.optional()) {
			throw new RevisionSourceException(location.toString(), 0, "Revision location '" + location
					+ "' was not found on the class path: put the revisions under " + location.path()
					+ "/ in the application's resources or in package " + location.path().replace('/', '.')
					+ ", or fix the configured locations");
		}
		for (URL url : urls) {
			String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
			if (protocol.equals("file")) {
				walkDirectory(location, toPath(location, url), true, loading);
			}
			else if (protocol.equals("jar")) {
				walkJar(location, url, loading);
			}
			else {
				throw new RevisionSourceException(location.toString(), 0, "Cannot scan " + url + " for revision location '"
						+ location + "': only directories and jars are supported; register these revisions another way"
						+ " (e.g. JavaRevisions.of) or use a 'filesystem:' location");
			}
		}
	}

	private static Path toPath(Location location, URL url) {
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new RevisionSourceException(location.toString(), 0,
					"Cannot read " + url + " for revision location '" + location + "': " + ex.getMessage(), ex);
		}
	}

	private void walkDirectory(Location location, Path directory, boolean classes, Loading loading) {
		if (!Files.isDirectory(directory)) {
			throw new RevisionSourceException(location.toString(), 0, "Revision location '" + location + "' is "
					+ directory.toAbsolutePath() + ", which is not a directory: name the directory that holds the revisions");
		}
		Map<String, Path> files = new TreeMap<>(WalkOrder.INSTANCE);
		// Walked from its real path without following links, a file's path is its real path
		// unless the file itself is a symbolic link.
		Set<Path> links = new HashSet<>();
		try {
			Path root = directory.toRealPath();
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile()) {
						files.put(relative(root, file), file);
					}
					else if (attributes.isSymbolicLink() && Files.isRegularFile(file)) {
						files.put(relative(root, file), file);
						links.add(file);
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException | UncheckedIOException ex) {
			throw new RevisionSourceException(location.toString(), 0,
					"Cannot read revision location '" + location + "' (" + directory + "): " + ex.getMessage(), ex);
		}
		files.forEach((name, path) -> visit(location, name, classes, loading, new Content() {

			@Override
			public String key() throws IOException {
				return links.contains(path) ? path.toRealPath().toString() : path.toString();
			}

			@Override
			public byte[] bytes() throws IOException {
				return Files.readAllBytes(path);
			}

		}));
	}

	/** A walked file's path relative to the walk's root, separated by {@code /}. */
	private static String relative(Path root, Path path) {
		String rootName = root.toString();
		String name = path.toString();
		String relative;
		if (name.startsWith(rootName) && name.length() > rootName.length()) {
			// the walk resolves each file against the root, so the root's text is a prefix
			int start = rootName.length();
			relative = name.substring((name.charAt(start) == File.separatorChar) ? start + 1 : start);
		}
		else {
			relative = root.relativize(path).toString();
		}
		return (File.separatorChar == '/') ? relative : relative.replace(File.separatorChar, '/');
	}

	private void walkJar(Location location, URL url, Loading loading) {
		try {
			URLConnection connection = url.openConnection();
			if (!(connection instanceof JarURLConnection jarConnection)) {
				throw new RevisionSourceException(location.toString(), 0, "Cannot scan " + url
						+ " for revision location '" + location + "': it does not open as a jar");
			}
			jarConnection.setUseCaches(false);
			String entryName = jarConnection.getEntryName();
			String prefix = (entryName == null || entryName.isEmpty()) ? ""
					: entryName.endsWith("/") ? entryName : entryName + "/";
			String jarUrl = jarConnection.getJarFileURL().toExternalForm();
			try (JarFile jar = jarConnection.getJarFile()) {
				Map<String, JarEntry> entries = new TreeMap<>(WalkOrder.INSTANCE);
				for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements();) {
					JarEntry entry = all.nextElement();
					String name = entry.getName();
					if (!entry.isDirectory() && name.startsWith(prefix) && name.length() > prefix.length()) {
						entries.put(name.substring(prefix.length()), entry);
					}
				}
				entries.forEach((name, entry) -> visit(location, name, true, loading, new Content() {

					@Override
					public String key() {
						return "jar:" + jarUrl + "!/" + entry.getName();
					}

					@Override
					public byte[] bytes() throws IOException {
						try (InputStream in = jar.getInputStream(entry)) {
							return in.readAllBytes();
						}
					}

				}));
			}
		}
		catch (IOException ex) {
			throw new RevisionSourceException(location.toString(), 0,
					"Cannot read " + url + " for revision location '" + location + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * Loads one file found under a location.
	 * @param name the file's path relative to the location, separated by {@code /}
	 */
	private void visit(Location location, String name, boolean classes, Loading loading, Content content) {
		String fileName = name.substring(name.lastIndexOf('/') + 1);
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (fileName.startsWith(".#")) {
			return; // an editor's lock file, skipped as Alembic skips it
		}
		if (lower.endsWith(".sql")) {
			String source = location.path() + "/" + name;
			try {
				if (!loading.files.add(content.key())) {
					logger.warn("Revision file {} was reached twice (revision locations overlap); loading it once", source);
					return;
				}
				loading.revisions.add(SqlRevisions.read(source, content.bytes()));
			}
			catch (IOException ex) {
				throw new RevisionSourceException(source, 0, "Cannot read revision file " + source + ": " + ex.getMessage(),
						ex);
			}
		}
		else if (classes && fileName.endsWith(".class")) {
			String className = (location.path() + "/" + name.substring(0, name.length() - ".class".length())).replace('/',
					'.');
			if (isClassName(className) && loading.classes.add(className)) {
				loadClass(location.path() + "/" + name, className, loading);
			}
		}
	}

	private void loadClass(String file, String className, Loading loading) {
		Class<?> type;
		try {
			type = Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new RevisionSourceException("class " + className, 0, "Cannot load class " + className + " (" + file
					+ ") to look for @Revision: " + ex
					+ ". Classes under a revision location must load; move other classes to another package", ex);
		}
		if (type.isAnnotationPresent(dev.migrate.Revision.class)) {
			loading.revisions.add(JavaRevisions.ofAnnotated(type));
		}
	}

	/** Whether a name is a Java binary class name (skips {@code module-info} and the like). */
	private static boolean isClassName(String name) {
		for (String part : name.split("\\.")) {
			if (part.isEmpty() || !Character.isJavaIdentifierStart(part.codePointAt(0))
					|| !part.codePoints().allMatch(Character::isJavaIdentifierPart)) {
				return false;
			}
		}
		return true;
	}

	/** How to read a file found under a location. */
	private interface Content {

		/** What identifies the file whichever location reaches it. */
		String key() throws IOException;

		byte[] bytes() throws IOException;

	}

	/** The state of one {@link #load(List)} call. */
	private static final class Loading {

		final List<Revision> revisions = new ArrayList<>();

		final Set<String> files = new HashSet<>();

		final Set<String> classes = new HashSet<>();

	}

}
