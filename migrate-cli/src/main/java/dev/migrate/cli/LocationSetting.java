package dev.migrate.cli;

import java.nio.file.Path;
import java.util.Locale;

/**
 * One configured revision location: {@code filesystem:DIR} resolved to an absolute directory,
 * or {@code classpath:PATH}.
 *
 * @param text the location as written, for messages
 * @param directory the absolute directory of a {@code filesystem:} location, else {@code null}
 * @param resource the resource path of a {@code classpath:} location (no leading or trailing
 * slash), else {@code null}
 * @param defaulted whether the location comes from the defaults rather than the user
 */
record LocationSetting(String text, Path directory, String resource, boolean defaulted) {

	static final String FILESYSTEM = "filesystem:";

	static final String CLASSPATH = "classpath:";

	/**
	 * Parses a location; a string without a prefix is a directory.
	 * @param base the directory relative directories are resolved against
	 */
	static LocationSetting parse(String text, Path base, boolean defaulted, String origin) {
		String value = text.trim();
		String lower = value.toLowerCase(Locale.ROOT);
		if (lower.startsWith(CLASSPATH)) {
			String resource = strip(value.substring(CLASSPATH.length()).trim().replace('\\', '/'));
			if (resource.isEmpty()) {
				throw new CliException("Location '" + text + "' from " + origin
						+ " names no classpath path; write classpath:db/revisions for example");
			}
			return new LocationSetting(value, null, resource, defaulted);
		}
		String directory = value;
		if (lower.startsWith(FILESYSTEM)) {
			directory = value.substring(FILESYSTEM.length()).trim();
		}
		else if (value.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
			throw new CliException("Location '" + text + "' from " + origin
					+ " has an unknown prefix; use filesystem:DIR or classpath:PATH");
		}
		if (directory.isEmpty()) {
			throw new CliException("Location '" + text + "' from " + origin
					+ " names no directory; write filesystem:db/revisions for example");
		}
		return new LocationSetting(value, base.resolve(directory).toAbsolutePath().normalize(), null, defaulted);
	}

	private static String strip(String path) {
		int start = 0;
		int end = path.length();
		while (start < end && path.charAt(start) == '/') {
			start++;
		}
		while (end > start && path.charAt(end - 1) == '/') {
			end--;
		}
		return path.substring(start, end);
	}

	boolean isFilesystem() {
		return this.directory != null;
	}

	boolean isClasspath() {
		return this.resource != null;
	}

	/** The location in the loader's notation, with a filesystem directory made absolute. */
	String resolved() {
		return isFilesystem() ? FILESYSTEM + this.directory : CLASSPATH + this.resource;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
