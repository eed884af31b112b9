package dev.migrate.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.util.ClassUtils;

import dev.migrate.MigrateException;
import dev.migrate.revision.Revision;
import dev.migrate.source.Fingerprint;
import dev.migrate.source.Location;
import dev.migrate.source.RevisionLoader;
import dev.migrate.source.WalkOrder;

/**
 * Loads the revisions under revision locations with Spring's resource resolution, so that
 * they are found wherever the application's resources are: directories, jars, and the nested
 * jars of an executable Spring Boot jar. Follows the engine's own loader: files in Alembic's
 * walk order per location root, SQL revision files parsed, and, under classpath locations,
 * the {@link dev.migrate.Revision @Revision} classes of the matching package. A root that is
 * a directory on disk is handed to the engine's {@link RevisionLoader}, which walks it
 * without a resource object per file, and so is a root inside a jar (the nested jars of an
 * executable Spring Boot jar included), which it reads from the jar itself. Other roots are
 * listed once through Spring, and each of their files loaded by the engine's loader too
 * ({@link RevisionLoader#loadFile}).
 */
final class ResourceRevisionLoader {

	private static final Log logger = LogFactory.getLog(ResourceRevisionLoader.class);

	private static final String FILESYSTEM_PREFIX = "filesystem:";

	private final ResourcePatternResolver resolver;

	private final RevisionLoader engine;

	private final boolean jarsThroughSpring;

	ResourceRevisionLoader(ResourceLoader resourceLoader) {
		this(resourceLoader, false);
	}

	/**
	 * A loader that lists and reads jars through Spring's resources too (as it does roots
	 * that are neither directories nor jars), for tests.
	 */
	ResourceRevisionLoader(ResourceLoader resourceLoader, boolean jarsThroughSpring) {
		this.jarsThroughSpring = jarsThroughSpring;
		this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		ClassLoader loader = resourceLoader.getClassLoader();
		this.engine = new RevisionLoader((loader != null) ? loader : ClassUtils.getDefaultClassLoader());
	}

	/**
	 * Loads every revision under the locations, in load order.
	 * @param locations the locations as configured
	 * @param optional whether locations that do not exist are skipped rather than an error
	 * @param skippedClasses names of revision classes to leave out (they are beans)
	 * @return the revisions
	 * @throws MigrateException if a location is not valid or does not exist, or a revision
	 * cannot be loaded
	 */
	List<Revision> load(List<String> locations, boolean optional, Set<String> skippedClasses) {
		return load(roots(locations, optional), skippedClasses);
	}

	/**
	 * The directories the locations resolve to, in order.
	 * @param locations the locations as configured
	 * @param optional whether locations that do not exist are skipped rather than an error
	 * @throws MigrateException if a location is not valid or does not exist
	 */
	Map<ResourceLocation, List<Resource>> roots(List<String> locations, boolean optional) {
		Map<ResourceLocation, List<Resource>> roots = new LinkedHashMap<>();
		for (String value : locations) {
			ResourceLocation location = ResourceLocation.parse(value);
			List<Resource> found = roots(location);
			if (found.isEmpty() && !optional) {
				throw new MigrateException("Revision location '" + location.value() + "' does not exist: "
						+ (location.classpath() ? "put the revisions under src/main/resources/" + location.path()
								+ " (or Java revisions in package " + location.path().replace('/', '.') + ")"
								: "create the directory")
						+ ", or fix migrate.locations");
			}
			roots.computeIfAbsent(location, (key) -> new ArrayList<>()).addAll(found);
		}
		return roots;
	}

	/**
	 * Adds what the revisions under the roots are loaded from to a fingerprint, without
	 * loading them, as the engine's loader takes it of a directory on disk or in a jar.
	 * @return {@code false} when a root is neither (it is then listed and read on each load)
	 * or cannot be read
	 */
	boolean fingerprint(Map<ResourceLocation, List<Resource>> roots, Fingerprint fingerprint) {
		fingerprint.add(roots.size());
		for (Map.Entry<ResourceLocation, List<Resource>> entry : roots.entrySet()) {
			Location location = entry.getKey().engineLocation();
			fingerprint.add(entry.getKey().value()).add(entry.getValue().size());
			for (Resource root : entry.getValue()) {
				Path directory = directory(root);
				URL jar = (directory != null) ? null : jarDirectory(root, entry.getKey());
				boolean known = (directory != null) ? this.engine.fingerprint(location, directory, fingerprint)
						: jar != null && this.engine.fingerprint(location, jar, fingerprint);
				if (!known) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * Loads every revision under the roots, in load order.
	 * @param roots the directories the locations resolve to, as {@link #roots} gives them
	 * @param skippedClasses names of revision classes to leave out (they are beans)
	 */
	List<Revision> load(Map<ResourceLocation, List<Resource>> roots, Set<String> skippedClasses) {
		int directories = 0;
		for (List<Resource> found : roots.values()) {
			directories += found.size();
		}
		// Files are keyed to be loaded once only when two roots could hold the same file.
		Set<String> files = (directories > 1) ? new HashSet<>() : null;
		Set<String> classes = new HashSet<>(skippedClasses);
		List<Revision> revisions = new ArrayList<>();
		roots.forEach((location, found) -> {
			int before = revisions.size();
			Location engineLocation = location.engineLocation();
			for (Resource root : found) {
				Path directory = directory(root);
				URL jar = (directory != null) ? null : jarDirectory(root, location);
				if (directory != null) {
					revisions.addAll(this.engine.load(engineLocation, directory, classes, files));
				}
				else if (jar != null) {
					revisions.addAll(this.engine.load(engineLocation, jar, classes, files));
				}
				else {
					find(location, root).forEach((name, resource) -> {
						if (files == null || files.add(url(resource))) {
							Revision revision = this.engine.loadFile(engineLocation, name, () -> bytes(resource),
									classes);
							if (revision != null) {
								revisions.add(revision);
							}
						}
					});
				}
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Loaded " + (revisions.size() - before) + " revisions from " + location.value());
			}
		});
		return revisions;
	}

	/**
	 * The URL of a root that is a directory inside a jar, which the engine's loader reads from
	 * the jar itself; {@code null} for other roots (and for every root in the test-only mode
	 * that reads jars through Spring).
	 */
	private @Nullable URL jarDirectory(Resource root, ResourceLocation location) {
		return (!this.jarsThroughSpring && isJar(root)) ? url(root, location) : null;
	}

	/** Whether a root is a directory inside a jar, which the engine's loader reads from the jar itself. */
	private static boolean isJar(Resource root) {
		try {
			return "jar".equalsIgnoreCase(root.getURL().getProtocol());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static URL url(Resource root, ResourceLocation location) {
		try {
			return root.getURL();
		}
		catch (IOException ex) {
			throw new MigrateException(
					"Cannot read revision location '" + location.value() + "' (" + root + "): " + ex.getMessage(), ex);
		}
	}

	/** The real path of a root that is a directory on disk, else {@code null}. */
	private static @Nullable Path directory(Resource root) {
		try {
			if (root.isFile()) {
				Path path = root.getFile().toPath();
				return Files.isDirectory(path) ? path.toRealPath() : null;
			}
		}
		catch (IOException | UnsupportedOperationException ex) {
			// not a file: read it as resources
		}
		return null;
	}

	/**
	 * The revision files under a root that is neither a directory on disk nor inside a jar
	 * (or any root, in the test-only mode that reads jars through Spring too), in walk
	 * order, from one listing for SQL files and classes alike.
	 */
	private Map<String, Resource> find(ResourceLocation location, Resource root) {
		String rootUrl = url(root);
		if (!rootUrl.endsWith("/")) {
			rootUrl = rootUrl + "/";
		}
		Resource[] resources;
		try {
			resources = this.resolver.getResources(rootUrl + "**/*");
		}
		catch (IOException ex) {
			throw new MigrateException(
					"Cannot list revision location '" + location.value() + "' (" + rootUrl + "): " + ex.getMessage(), ex);
		}
		Map<String, Resource> files = new TreeMap<>(WalkOrder.INSTANCE);
		for (Resource file : resources) {
			String url = url(file);
			if (url.startsWith(rootUrl) && url.length() > rootUrl.length() && !url.endsWith("/")
					&& (url.regionMatches(true, url.length() - ".sql".length(), ".sql", 0, ".sql".length())
							|| (location.classpath() && url.endsWith(".class")))) {
				// Spring's URLs of the resources under a root escape '#' only (so that it is not
				// read as a fragment): a name with '#', such as an editor's lock file, comes back
				files.put(url.substring(rootUrl.length()).replace("%23", "#"), file);
			}
		}
		return files;
	}

	private List<Resource> roots(ResourceLocation location) {
		List<Resource> roots = new ArrayList<>();
		try {
			if (location.classpath()) {
				for (Resource root : this.resolver.getResources("classpath*:" + location.path() + "/")) {
					if (root.exists()) {
						roots.add(root);
					}
				}
			}
			else {
				Resource root = this.resolver.getResource(location.root());
				if (root.exists()) {
					roots.add(root);
				}
			}
		}
		catch (IOException ex) {
			throw new MigrateException(
					"Cannot list revision location '" + location.value() + "': " + ex.getMessage(), ex);
		}
		return roots;
	}

	private static byte[] bytes(Resource resource) throws IOException {
		try {
			return resource.getContentAsByteArray();
		}
		catch (IllegalArgumentException ex) {
			// a URL handler that refuses the URL, as the JDK's jar handler refuses a name with '%'
			throw new IOException("its URL " + url(resource) + " does not open (" + ex + ")", ex);
		}
	}

	private static String url(Resource resource) {
		try {
			return resource.getURL().toExternalForm();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	/**
	 * A revision location as configured.
	 *
	 * @param value the location as configured
	 * @param classpath whether it is on the class path
	 * @param path the class path resource path without leading or trailing slash, or the
	 * location's path
	 * @param root the Spring resource location of its directory, ending with a slash
	 */
	record ResourceLocation(String value, boolean classpath, String path, String root) {

		static ResourceLocation parse(String value) {
			String location = value.strip();
			if (location.regionMatches(true, 0, FILESYSTEM_PREFIX, 0, FILESYSTEM_PREFIX.length())) {
				String directory = location.substring(FILESYSTEM_PREFIX.length()).strip();
				requirePath(value, directory);
				String path = trimTrailingSlashes(directory);
				return new ResourceLocation(value, false, path, "file:" + path + "/");
			}
			String path;
			if (location.startsWith(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX)) {
				path = location.substring(ResourcePatternResolver.CLASSPATH_ALL_URL_PREFIX.length());
			}
			else if (location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX)) {
				path = location.substring(ResourceLoader.CLASSPATH_URL_PREFIX.length());
			}
			else if (location.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
				String directory = trimTrailingSlashes(location);
				requirePath(value, directory.substring(directory.indexOf(':') + 1));
				return new ResourceLocation(value, false, directory, directory + "/");
			}
			else {
				path = location;
			}
			path = trimSlashes(path.strip());
			requirePath(value, path);
			if (path.contains("*") || path.contains("?")) {
				throw new MigrateException("Revision location '" + value
						+ "' holds a wildcard: name the directory that holds the revisions, e.g. 'classpath:db/revisions'");
			}
			return new ResourceLocation(value, true, path, "classpath*:" + path + "/");
		}

		/** The engine's location of the same name, which names the revisions found under it. */
		Location engineLocation() {
			return this.classpath ? Location.classpath(this.path) : Location.filesystem(this.path);
		}

		private static void requirePath(String value, String path) {
			if (path.isBlank() || path.equals("/")) {
				throw new MigrateException("Revision location '" + value
						+ "' names no directory: use e.g. 'classpath:db/revisions' or 'filesystem:db/revisions'");
			}
		}

		private static String trimSlashes(String path) {
			int start = 0;
			while (start < path.length() && path.charAt(start) == '/') {
				start++;
			}
			return trimTrailingSlashes(path.substring(start));
		}

		private static String trimTrailingSlashes(String path) {
			int end = path.length();
			while (end > 1 && (path.charAt(end - 1) == '/' || path.charAt(end - 1) == '\\')) {
				end--;
			}
			return path.substring(0, end);
		}

	}

}
