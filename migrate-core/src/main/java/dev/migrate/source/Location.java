package dev.migrate.source;

import java.util.Locale;
import java.util.Objects;

import dev.migrate.MigrateException;

/**
 * Where revisions are found: {@code classpath:db/revisions} (SQL resources under
 * {@code db/revisions/} and the revision classes of package {@code db.revisions}) or
 * {@code filesystem:db/revisions} (SQL files in a directory, relative to the working
 * directory or absolute).
 *
 * @param type whether the location is on the class path or in the file system
 * @param path the resource path (no leading or trailing slash) or the directory
 * @param optional whether a location that does not exist is ignored rather than an error
 */
public record Location(Type type, String path, boolean optional) {

	/** The default location of an application's revisions. */
	public static final String DEFAULT = "classpath:db/revisions";

	public Location {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(path, "path");
		path = (type == Type.CLASSPATH) ? trimSlashes(path.strip()) : trimTrailingSlashes(path.strip());
		if (path.isEmpty()) {
			throw new MigrateException("Location '" + type.prefix() + "' has no path: name a directory, e.g. '"
					+ type.prefix() + "db/revisions'");
		}
	}

	/**
	 * Parses {@code classpath:PATH} or {@code filesystem:DIR}; a value without a prefix is a
	 * directory in the file system.
	 * @param value the location as configured
	 * @return the location, not optional
	 * @throws MigrateException if the prefix is unknown or the path is empty
	 */
	public static Location parse(String value) {
		Objects.requireNonNull(value, "value");
		String trimmed = value.strip();
		int colon = prefixEnd(trimmed);
		if (colon > 0) {
			String prefix = trimmed.substring(0, colon).toLowerCase(Locale.ROOT);
			for (Type type : Type.values()) {
				if (type.prefix().equals(prefix + ":")) {
					return new Location(type, trimmed.substring(colon + 1), false);
				}
			}
			throw new MigrateException("Location '" + value + "' has an unknown prefix '" + trimmed.substring(0, colon)
					+ ":': use 'classpath:' or 'filesystem:'");
		}
		if (trimmed.isEmpty()) {
			throw new MigrateException("Location is empty: name a directory, e.g. 'classpath:db/revisions'");
		}
		return new Location(Type.FILESYSTEM, trimmed, false);
	}

	/**
	 * Where a prefix such as {@code classpath:} ends: the index of the first colon when
	 * what stands before it is a letter and one or more letters, digits, {@code +},
	 * {@code .} or {@code -} (so that {@code C:\revisions} is a path), else -1. Written out
	 * rather than as a regular expression, which would load {@code java.util.regex} on every
	 * start for this one check.
	 */
	private static int prefixEnd(String text) {
		int colon = text.indexOf(':');
		if (colon < 2 || !isAsciiLetter(text.charAt(0))) {
			return -1;
		}
		for (int i = 1; i < colon; i++) {
			char c = text.charAt(i);
			if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
				return -1;
			}
		}
		return colon;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/** A location on the class path, e.g. {@code db/revisions}. */
	public static Location classpath(String path) {
		return new Location(Type.CLASSPATH, path, false);
	}

	/** A directory in the file system, relative to the working directory or absolute. */
	public static Location filesystem(String path) {
		return new Location(Type.FILESYSTEM, path, false);
	}

	/** This location, ignored when it does not exist (for defaults nobody configured). */
	public Location asOptional() {
		return new Location(this.type, this.path, true);
	}

	/** Whether this location is on the class path. */
	public boolean isClasspath() {
		return this.type == Type.CLASSPATH;
	}

	@Override
	public String toString() {
		return this.type.prefix() + this.path;
	}

	private static String trimSlashes(String path) {
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

	private static String trimTrailingSlashes(String path) {
		int end = path.length();
		while (end > 1 && (path.charAt(end - 1) == '/' || path.charAt(end - 1) == '\\')) {
			end--;
		}
		return path.substring(0, end);
	}

	/** The kind of a location. */
	public enum Type {

		/** Resources and classes found through a class loader. */
		CLASSPATH("classpath:"),

		/** A directory of SQL files. */
		FILESYSTEM("filesystem:");

		private final String prefix;

		Type(String prefix) {
			this.prefix = prefix;
		}

		/** The prefix that names this type in a location string, with its colon. */
		public String prefix() {
			return this.prefix;
		}

	}

}
