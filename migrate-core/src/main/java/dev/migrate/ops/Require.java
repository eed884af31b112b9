package dev.migrate.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Argument checks shared by the operation records. */
final class Require {

	private Require() {
	}

	static <T> T notNull(T value, String what) {
		if (value == null) {
			throw new IllegalArgumentException(what + " must not be null");
		}
		return value;
	}

	/** A database object's name: not null, not blank, no NUL character (no database takes one). */
	static String name(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be null or blank, was " + describe(value));
		}
		if (value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(what + " must not contain a NUL character");
		}
		return value;
	}

	/** A name that may be absent (an unnamed constraint, the default schema). */
	static String optionalName(String value, String what) {
		return (value != null) ? name(value, what) : null;
	}

	/** SQL text written by the revision's author: not null, not blank. */
	static String text(String value, String what) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(what + " must not be null or blank, was " + describe(value));
		}
		return value;
	}

	/** A non-empty list of names, copied. */
	static List<String> names(Collection<String> values, String what) {
		if (values == null || values.isEmpty()) {
			throw new IllegalArgumentException(what + " must name at least one column");
		}
		return namesOrNone(values, what);
	}

	/** A list of names, possibly empty, copied. */
	static List<String> namesOrNone(Collection<String> values, String what) {
		if (values == null) {
			return List.of();
		}
		List<String> copy = new ArrayList<>(values.size());
		for (String value : values) {
			copy.add(name(value, what));
		}
		return Collections.unmodifiableList(copy);
	}

	private static String describe(String value) {
		return (value != null) ? "'" + value + "'" : "null";
	}

}
