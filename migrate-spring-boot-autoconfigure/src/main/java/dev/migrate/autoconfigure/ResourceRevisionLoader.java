package dev.migrate.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import dev.migrate.Migration;
import dev.migrate.revision.Revision;
import dev.migrate.source.JavaRevisions;
import dev.migrate.source.SqlRevisions;
import dev.migrate.source.WalkOrder;

/**
 * Loads the revisions under revision locations with Spring's resource resolution, so that
 * they are found wherever the application's resources are: directories, jars, and the nested
 * jars of an executable Spring Boot jar. Follows the engine's own loader: files in Alembic's
 * walk order per location root, SQL revision files parsed, and, under classpath locations,
 * the {@link dev.migrate.Revision @Revision} classes of the matching package.
 */
final class ResourceRevisionLoader {

	private static final Log logger = LogFactory.getLog(ResourceRevisionLoader.class);

	private static final String FILESYSTEM_PREFIX = "filesystem:";

	private final ResourcePatternResolver resolver;

	private final ClassLoader classLoader;

	ResourceRevisionLoader(ResourceLoader resourceLoader) {
		this.resolver = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		ClassLoader loader = resourceLoader.getClassLoader();
		this.classLoader = (loader != null) ? loader : ClassUtils.getDefaultClassLoader();
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
		List<Revision> revisions = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String value : locations) {
			ResourceLocation location = ResourceLocation.parse(value);
			int before = revisions.size();
			for (Map<String, Resource> files : find(location, optional).values()) {
				files.forEach((name, resource) -> {
					if (seen.add(key(resource))) {
						Revision revision = load(location, name, resource, skippedClasses);
						if (revision != null) {
							revisions.add(revision);
						}
					}
				});
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Loaded " + (revisions.size() - before) + " revisions from " + value);
			}
		}
		return revisions;
	}

	/**
	 * The revision files under a location, grouped by root (a location on the class path can
	 * have one root per class path entry), each group in walk order.
	 */
	private Map<String, Map<String, Resource>> find(ResourceLocation location, boolean optional) {
		List<Resource> roots = roots(location);
		if (roots.isEmpty()) {
			if (optional) {
				return Map.of();
			}
			throw new MigrateException("Revision location '" + location.value() + "' does not exist: "
					+ (location.classpath() ? "put the revisions under src/main/resources/" + location.path()
							+ " (or Java revisions in package " + location.path().replace('/', '.') + ")"
							: "create the directory")
					+ ", or fix migrate.locations");
		}
		Map<String, Map<String, Resource>> groups = new LinkedHashMap<>();
		for (Resource root : roots) {
			groups.put(key(root), new TreeMap<>(WalkOrder.INSTANCE));
		}
		for (Resource file : resources(location)) {
			String name = null;
			String group = null;
			for (Resource root : roots) {
				name = relative(root, file);
				if (name != null) {
					group = key(root);
					break;
				}
			}
			if (name == null) {
				String url = url(file);
				String marker = "/" + location.path() + "/";
				int index = url.lastIndexOf(marker);
				name = (index >= 0) ? url.substring(index + marker.length()) : url.substring(url.lastIndexOf('/') + 1);
				group = "";
			}
			groups.computeIfAbsent(group, (key) -> new TreeMap<>(WalkOrder.INSTANCE)).put(name, file);
		}
		return groups;
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

	private List<Resource> resources(ResourceLocation location) {
		List<Resource> resources = new ArrayList<>();
		try {
			for (Resource resource : this.resolver.getResources(location.pattern() + "**/*.sql")) {
				if (resource.isReadable()) {
					resources.add(resource);
				}
			}
			if (location.classpath()) {
				for (Resource resource : this.resolver.getResources(location.pattern() + "**/*.class")) {
					if (resource.isReadable()) {
						resources.add(resource);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new MigrateException(
					"Cannot list revision location '" + location.value() + "': " + ex.getMessage(), ex);
		}
		return resources;
	}

	private @Nullable Revision load(ResourceLocation location, String name, Resource resource,
			Set<String> skippedClasses) {
		String fileName = name.substring(name.lastIndexOf('/') + 1);
		if (fileName.startsWith(".#")) {
			return null; // an editor's lock file, skipped as Alembic skips it
		}
		String source = location.path() + "/" + name;
		if (fileName.toLowerCase(Locale.ROOT).endsWith(".sql")) {
			return SqlRevisions.parse(source, text(source, resource));
		}
		if (location.classpath() && fileName.endsWith(".class")) {
			String className = source.substring(0, source.length() - ".class".length()).replace('/', '.');
			if (isClassName(className) && !skippedClasses.contains(className)) {
				return loadClass(source, className);
			}
		}
		return null;
	}

	private @Nullable Revision loadClass(String file, String className) {
		Class<?> type;
		try {
			type = Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new MigrateException("Cannot load class " + className + " (" + file + ") to look for @Revision: " + ex
					+ ". Classes under a revision location must load; move other classes to another package", ex);
		}
		if (!type.isAnnotationPresent(dev.migrate.Revision.class)) {
			return null;
		}
		if (!Migration.class.isAssignableFrom(type)) {
			throw new MigrateException("Revision class " + className + " does not implement " + Migration.class.getName()
					+ ": implement it, or remove the @Revision annotation");
		}
		return JavaRevisions.of(type.asSubclass(Migration.class));
	}

	private static String text(String source, Resource resource) {
		byte[] bytes;
		try (InputStream in = resource.getInputStream()) {
			bytes = in.readAllBytes();
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot read revision file " + source + " (" + resource.getDescription() + "): "
					+ ex.getMessage(), ex);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new MigrateException(source + " is not valid UTF-8 text: save it with UTF-8 encoding", ex);
		}
	}

	/** The path of a file under a root, separated by {@code /}, or null if it is not under it. */
	private static @Nullable String relative(Resource root, Resource file) {
		try {
			if (root.isFile() && file.isFile()) {
				Path rootPath = root.getFile().toPath().toAbsolutePath().normalize();
				Path filePath = file.getFile().toPath().toAbsolutePath().normalize();
				if (!filePath.startsWith(rootPath) || filePath.equals(rootPath)) {
					return null;
				}
				StringBuilder name = new StringBuilder();
				for (Path segment : rootPath.relativize(filePath)) {
					name.append((name.length() > 0) ? "/" : "").append(segment);
				}
				return name.toString();
			}
		}
		catch (IOException ex) {
			// fall back to comparing URLs
		}
		String rootUrl = url(root);
		String fileUrl = url(file);
		if (!rootUrl.endsWith("/")) {
			rootUrl = rootUrl + "/";
		}
		return (fileUrl.startsWith(rootUrl) && fileUrl.length() > rootUrl.length())
				? fileUrl.substring(rootUrl.length()) : null;
	}

	private static String key(Resource resource) {
		try {
			if (resource.isFile()) {
				return resource.getFile().toPath().toAbsolutePath().normalize().toString();
			}
		}
		catch (IOException ex) {
			// fall back to the URL
		}
		return url(resource);
	}

	private static String url(Resource resource) {
		try {
			return resource.getURL().toExternalForm();
		}
		catch (IOException ex) {
			return resource.getDescription();
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

		/** The root followed by a pattern suffix. */
		String pattern() {
			return this.root;
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
