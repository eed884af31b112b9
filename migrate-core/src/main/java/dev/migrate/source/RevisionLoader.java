package dev.migrate.source;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
		Loading loading = new Loading(locations.size() > 1);
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

	/**
	 * Loads the revisions in one directory that a location resolves to, for loaders that
	 * resolve locations themselves (the Spring Boot starter resolves class path locations
	 * with Spring's resource resolution): each revision is named by the location's path and
	 * its path inside the directory, in the same order as {@link #load(List)}, and under a
	 * class path location class files are loaded too.
	 * @param location the location the directory belongs to
	 * @param directory the directory
	 * @param classes names of classes not to load: those the caller has instances of and
	 * those loaded so far, to which the classes loaded here are added; a mutable set, which
	 * the caller shares between its loads and {@link #loadFile}
	 * @param loadedFiles when several directories are loaded that may overlap, the files
	 * loaded so far, to which this call adds, and which it skips; {@code null} when they
	 * cannot overlap
	 * @return the revisions
	 * @throws RevisionSourceException if the directory cannot be read, a SQL file does not
	 * parse, or a revision class cannot be used
	 * @throws dev.migrate.revision.RevisionException if a revision is not valid (its id, or a
	 * link to itself)
	 */
	public List<Revision> load(Location location, Path directory, Set<String> classes, Set<String> loadedFiles) {
		Loading loading = Loading.of(classes, loadedFiles);
		walkDirectory(location, directory, location.isClasspath(), loading);
		return List.copyOf(loading.revisions);
	}

	/**
	 * Loads the revisions in one directory of a jar that a location resolves to, for loaders
	 * that resolve locations themselves, as {@link #load(Location, Path, Set, Set)} does for a
	 * directory on disk: the entries are read from the jar itself, in the same order.
	 * @param location the location the directory belongs to
	 * @param directory the directory's {@code jar:} URL, such as
	 * {@code jar:file:/srv/app.jar!/db/revisions/}: any URL that opens as a
	 * {@link JarURLConnection}, the nested jars of an executable Spring Boot jar included
	 * @param classes names of classes not to load, as {@link #load(Location, Path, Set, Set)}
	 * takes them
	 * @param loadedFiles the files loaded so far, as {@link #load(Location, Path, Set, Set)}
	 * takes them
	 * @return the revisions
	 * @throws RevisionSourceException if the URL does not open as a jar or cannot be read, a
	 * SQL file does not parse, or a revision class cannot be used
	 * @throws dev.migrate.revision.RevisionException if a revision is not valid (its id, or a
	 * link to itself)
	 */
	public List<Revision> load(Location location, URL directory, Set<String> classes, Set<String> loadedFiles) {
		Loading loading = Loading.of(classes, loadedFiles);
		walkJar(location, directory, loading);
		return List.copyOf(loading.revisions);
	}

	/**
	 * Adds what the revisions under the locations are loaded from to a fingerprint, without
	 * loading them: each revision file's path inside its location, its size and its
	 * modification time (see {@link #fingerprint(Location, Path, Fingerprint)}), or a jar
	 * entry's size and CRC, in load order.
	 * @return {@code false} when that cannot be told without loading them: a location that
	 * must exist does not, a class path root is neither a directory nor a jar, or something
	 * cannot be read. Loading them then reports the problem.
	 */
	public boolean fingerprint(List<Location> locations, Fingerprint fingerprint) {
		fingerprint.add(locations.size());
		for (Location location : locations) {
			fingerprint.add(location.toString());
			if (!location.isClasspath()) {
				Path directory = this.baseDirectory.resolve(location.path());
				if (!Files.exists(directory)) {
					if (!location.optional()) {
						return false;
					}
					fingerprint.add("absent");
				}
				else if (!fingerprint(location, directory, fingerprint)) {
					return false;
				}
				continue;
			}
			try {
				List<URL> urls = classpathRoots(location);
				fingerprint.add(urls.size());
				for (URL url : urls) {
					String protocol = url.getProtocol().toLowerCase(Locale.ROOT);
					boolean known = protocol.equals("file") ? fingerprint(location, toPath(location, url), fingerprint)
							: protocol.equals("jar") && fingerprint(location, url, fingerprint);
					if (!known) {
						return false;
					}
				}
			}
			catch (RevisionSourceException ex) {
				return false; // loading reports it
			}
		}
		return true;
	}

	/**
	 * Adds the revision files of one directory that a location resolves to, as
	 * {@link #load(Location, Path, Set, Set)} would load them, to a fingerprint: each file's
	 * path inside the directory with its size and modification time. When those times cannot
	 * tell an edit apart (all files share one time, as reproducible builds and container image
	 * tools set it; a time before 1981; or a time less than two seconds old, which a second
	 * edit in the same clock tick could keep), the directory's files are read and their bytes
	 * added instead of their times.
	 * @return {@code false} when the directory or a file in it cannot be read
	 */
	public boolean fingerprint(Location location, Path directory, Fingerprint fingerprint) {
		return DirectoryFingerprint.add(directory, location.isClasspath(), fingerprint);
	}

	/**
	 * Adds the entries of one directory of a jar that a location resolves to (the URL that
	 * {@link #load(Location, URL, Set, Set)} takes) to a fingerprint: each entry's path
	 * inside the directory, its size and the CRC the jar's central directory holds, read
	 * without inflating any entry.
	 * @return {@code false} when the URL does not open as a jar or the jar cannot be read
	 */
	public boolean fingerprint(Location location, URL directory, Fingerprint fingerprint) {
		try {
			JarURLConnection jarConnection = openJar(directory);
			if (jarConnection == null) {
				return false;
			}
			String prefix = prefix(jarConnection);
			List<Fingerprint> entries = new ArrayList<>();
			try (JarFile jar = jarConnection.getJarFile()) {
				// in the order the jar lists them: their names place them in load order
				for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements();) {
					JarEntry entry = all.nextElement();
					if (isFileUnder(entry, prefix)) {
						entries.add(new Fingerprint().add(entry.getName()).add(entry.getSize()).add(entry.getCrc()));
					}
				}
			}
			fingerprint.add("jar").add(prefix).addUnordered(entries);
			return true;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
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
		List<URL> urls = classpathRoots(location);
		if (urls.size() > 1) {
			loading.overlapping = true; // the same directory may be on the class path twice
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

	/**
	 * The directories and jar directories a class path location resolves to.
	 * @throws RevisionSourceException if they cannot be listed, or there are none and the
	 * location is not optional
	 */
	private List<URL> classpathRoots(Location location) {
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
		return urls;
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
		File root;
		try {
			root = directory.toRealPath().toFile();
		}
		catch (IOException ex) {
			throw cannotRead(location, directory, ex);
		}
		walk(location, root, "", classes, loading);
	}

	/**
	 * Loads a directory's revision files in sorted order, then walks its sub-directories in
	 * sorted order. Written with {@link File#list()} and plain reads rather than a file tree
	 * walk because every start goes through it: a file named like a revision is read without
	 * asking first what it is, and only other names are checked for being a directory.
	 * Symbolic links to files are followed; links to directories are not.
	 * @param prefix the directory's path relative to the location, empty or ending in {@code /}
	 */
	private void walk(Location location, File directory, String prefix, boolean classes, Loading loading) {
		String[] names = directory.list();
		if (names == null) {
			throw cannotRead(location, directory.toPath(), new IOException("cannot list " + directory));
		}
		WalkOrder.sortNames(names);
		List<String> subdirectories = new ArrayList<>();
		for (String name : names) {
			File file = new File(directory, name);
			if (isSqlRevisionName(name)) {
				String path = prefix + name;
				int length = read(location, path, file, loading);
				if (length >= 0) {
					loadSql(location, path, file, length, loading);
				}
				else if (isDirectory(file)) {
					subdirectories.add(name);
				}
			}
			else if (isDirectory(file)) {
				subdirectories.add(name);
			}
			else if (classes && name.endsWith(".class") && file.isFile()) {
				Revision revision = loadClassFile(location, prefix + name, loading.classes);
				if (revision != null) {
					loading.revisions.add(revision);
				}
			}
		}
		for (String name : subdirectories) {
			walk(location, new File(directory, name), prefix + name + "/", classes, loading);
		}
	}

	/** Whether a file is a directory itself, not a symbolic link to one. */
	private static boolean isDirectory(File file) {
		return Files.isDirectory(file.toPath(), LinkOption.NOFOLLOW_LINKS);
	}

	/**
	 * Reads a revision file into the loading's buffer, with one read to its end and one to
	 * find the end, not the size and position queries of {@code readAllBytes}.
	 * @return the number of bytes read, or -1 when the name is a directory or a dangling
	 * symbolic link
	 */
	private static int read(Location location, String name, File file, Loading loading) {
		try (FileInputStream in = new FileInputStream(file)) {
			int length = 0;
			while (true) {
				if (length == loading.buffer.length) {
					loading.buffer = Arrays.copyOf(loading.buffer, loading.buffer.length * 2);
				}
				int read = in.read(loading.buffer, length, loading.buffer.length - length);
				if (read < 0) {
					return length;
				}
				length += read;
			}
		}
		catch (FileNotFoundException ex) {
			if (file.isDirectory() || !file.exists()) {
				return -1;
			}
			throw cannotReadFile(location, name, ex);
		}
		catch (IOException ex) {
			throw cannotReadFile(location, name, ex);
		}
	}

	private void loadSql(Location location, String name, File file, int length, Loading loading) {
		String source = location.path() + "/" + name;
		if (loading.overlapping) {
			String key;
			try {
				Path path = file.toPath();
				key = Files.isSymbolicLink(path) ? path.toRealPath().toString() : path.toString();
			}
			catch (IOException ex) {
				throw cannotReadFile(location, name, ex);
			}
			if (!loading.files.add(key)) {
				warnTwice(source);
				return;
			}
		}
		loading.revisions.add(SqlRevisions.read(source, loading.buffer, length));
	}

	private static RevisionSourceException cannotRead(Location location, Path directory, IOException ex) {
		return new RevisionSourceException(location.toString(), 0,
				"Cannot read revision location '" + location + "' (" + directory + "): " + ex.getMessage(), ex);
	}

	private static RevisionSourceException cannotReadFile(Location location, String name, IOException ex) {
		String source = location.path() + "/" + name;
		return new RevisionSourceException(source, 0, "Cannot read revision file " + source + ": " + ex.getMessage(),
				ex);
	}

	private static void warnTwice(String source) {
		logger.warn("Revision file {} was reached twice (revision locations overlap); loading it once", source);
	}

	private void walkJar(Location location, URL url, Loading loading) {
		try {
			JarURLConnection jarConnection = openJar(url);
			if (jarConnection == null) {
				throw new RevisionSourceException(location.toString(), 0, "Cannot scan " + url
						+ " for revision location '" + location + "': it does not open as a jar");
			}
			String jarUrl = jarConnection.getJarFileURL().toExternalForm();
			try (JarFile jar = jarConnection.getJarFile()) {
				Map<String, JarEntry> entries = entriesUnder(jar, jarConnection);
				entries.forEach((name, entry) -> visitJarEntry(location, name, "jar:" + jarUrl + "!/" + entry.getName(), jar,
						entry, loading));
			}
		}
		catch (IOException ex) {
			throw new RevisionSourceException(location.toString(), 0,
					"Cannot read " + url + " for revision location '" + location + "': " + ex, ex);
		}
	}

	/** The connection to a directory inside a jar, uncached, or {@code null} when the URL is not one. */
	private static JarURLConnection openJar(URL directory) throws IOException {
		URLConnection connection = directory.openConnection();
		if (!(connection instanceof JarURLConnection jarConnection)) {
			return null;
		}
		jarConnection.setUseCaches(false);
		return jarConnection;
	}

	/** The path of the connection's directory inside its jar, empty or ending with {@code /}. */
	private static String prefix(JarURLConnection connection) {
		String entryName = connection.getEntryName();
		return (entryName == null || entryName.isEmpty()) ? ""
				: entryName.endsWith("/") ? entryName : entryName + "/";
	}

	/** The files under the connection's directory, by their paths inside it, in walk order. */
	private static Map<String, JarEntry> entriesUnder(JarFile jar, JarURLConnection connection) {
		String prefix = prefix(connection);
		Map<String, JarEntry> entries = new TreeMap<>(WalkOrder.INSTANCE);
		for (Enumeration<JarEntry> all = jar.entries(); all.hasMoreElements();) {
			JarEntry entry = all.nextElement();
			if (isFileUnder(entry, prefix)) {
				entries.put(entry.getName().substring(prefix.length()), entry);
			}
		}
		return entries;
	}

	/** Whether a jar entry is a file under a directory of the jar ({@code prefix}, as {@link #prefix} gives it). */
	private static boolean isFileUnder(JarEntry entry, String prefix) {
		String name = entry.getName();
		return !entry.isDirectory() && name.startsWith(prefix) && name.length() > prefix.length();
	}

	/**
	 * Loads one file found under a location by a loader that lists locations itself (the
	 * Spring Boot starter lists roots that are neither directories nor jars through Spring's
	 * resource resolution), as this loader's
	 * own walks load each file: a SQL revision file is read and parsed, and under a class
	 * path location a class file's class is loaded and taken when it is annotated
	 * {@code @Revision}. An editor's lock file ({@code .#name}) and other files hold none.
	 * @param location the location the file was found under
	 * @param name the file's path inside the location's directory, separated by {@code /}
	 * @param content the file's bytes, read only for a SQL revision file
	 * @param classes names of classes not to load: those the caller has instances of and
	 * those loaded so far, to which a class loaded here is added (a mutable set)
	 * @return the revision, or {@code null} when the file holds none
	 * @throws RevisionSourceException if the file cannot be read or does not parse, or its
	 * class cannot be loaded or used as a revision
	 * @throws dev.migrate.revision.RevisionException if its revision is not valid (its id, or
	 * a link to itself)
	 */
	public Revision loadFile(Location location, String name, FileContent content, Set<String> classes) {
		String fileName = name.substring(name.lastIndexOf('/') + 1);
		if (fileName.startsWith(".#")) {
			return null; // an editor's lock file, skipped as Alembic skips it
		}
		if (isSqlFileName(fileName)) {
			byte[] bytes;
			try {
				bytes = content.read();
			}
			catch (IOException ex) {
				throw cannotReadFile(location, name, ex);
			}
			return SqlRevisions.read(location.path() + "/" + name, bytes);
		}
		if (location.isClasspath() && fileName.endsWith(".class")) {
			return loadClassFile(location, name, classes);
		}
		return null;
	}

	/** The bytes of a file that {@link #loadFile} loads. */
	@FunctionalInterface
	public interface FileContent {

		/**
		 * Reads the file.
		 * @return its bytes
		 * @throws IOException if it cannot be read
		 */
		byte[] read() throws IOException;

	}

	/**
	 * Loads one entry of a jar found under a location.
	 * @param name the entry's path relative to the location, separated by {@code /}
	 */
	private void visitJarEntry(Location location, String name, String key, JarFile jar, JarEntry entry,
			Loading loading) {
		String fileName = name.substring(name.lastIndexOf('/') + 1);
		if (isSqlRevisionName(fileName) && !loading.files.add(key)) {
			warnTwice(location.path() + "/" + name);
			return;
		}
		Revision revision = loadFile(location, name, () -> read(jar, entry), loading.classes);
		if (revision != null) {
			loading.revisions.add(revision);
		}
	}

	private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
		try (InputStream in = jar.getInputStream(entry)) {
			return in.readAllBytes();
		}
	}

	/**
	 * The revision of a class file found under a classpath location, or {@code null} when
	 * its class is not annotated {@code @Revision} or is in {@code classes}, to which it is
	 * added.
	 */
	private Revision loadClassFile(Location location, String name, Set<String> classes) {
		String className = (location.path() + "/" + name.substring(0, name.length() - ".class".length())).replace('/',
				'.');
		if (!isClassName(className) || !classes.add(className)) {
			return null;
		}
		Class<?> type;
		try {
			type = Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new RevisionSourceException("class " + className, 0, "Cannot load class " + className + " ("
					+ location.path() + "/" + name + ") to look for @Revision: " + ex
					+ ". Classes under a revision location must load; move other classes to another package", ex);
		}
		return type.isAnnotationPresent(dev.migrate.Revision.class) ? JavaRevisions.ofAnnotated(type) : null;
	}

	/**
	 * Whether a file name ends with {@code .sql} in any case: the same as
	 * {@code name.toLowerCase(Locale.ROOT).endsWith(".sql")}, since no other character
	 * lower-cases to these four, without a lower-cased copy of every name.
	 */
	static boolean isSqlFileName(String name) {
		int end = name.length();
		return end >= 4 && name.charAt(end - 4) == '.' && (name.charAt(end - 3) | 0x20) == 's'
				&& (name.charAt(end - 2) | 0x20) == 'q' && (name.charAt(end - 1) | 0x20) == 'l';
	}

	/**
	 * Whether a file name is one of a SQL revision file: a {@code .sql} name that is not an
	 * editor's lock file ({@code .#name}, skipped as Alembic skips it). The one rule the
	 * loader's walks and {@link DirectoryFingerprint} share.
	 */
	static boolean isSqlRevisionName(String name) {
		return isSqlFileName(name) && !name.startsWith(".#");
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

	/** The state of one {@link #load(List)} call. */
	private static final class Loading {

		final List<Revision> revisions = new ArrayList<>();

		final Set<String> files;

		/** The classes not to load again: skipped by the caller, or loaded already. */
		Set<String> classes = new HashSet<>();

		/** Holds one revision file at a time while it is decoded. */
		byte[] buffer = new byte[16 * 1024];

		/**
		 * Whether several locations are loaded, so that one file may be reached twice; with
		 * one location, files are not keyed.
		 */
		boolean overlapping;

		Loading(boolean overlapping) {
			this.files = new HashSet<>();
			this.overlapping = overlapping;
		}

		/**
		 * The loading of one directory for a caller that resolves locations itself.
		 * @param classes the caller's set of classes not to load, added to
		 * @param loadedFiles the caller's set of loaded files, or {@code null} when its
		 * directories cannot overlap
		 */
		static Loading of(Set<String> classes, Set<String> loadedFiles) {
			Loading loading = (loadedFiles != null) ? new Loading(loadedFiles) : new Loading(false);
			loading.classes = Objects.requireNonNull(classes, "classes");
			return loading;
		}

		/** A loading that keys every file, in a set shared with other loadings. */
		Loading(Set<String> files) {
			this.files = files;
			this.overlapping = true;
		}

	}

}
