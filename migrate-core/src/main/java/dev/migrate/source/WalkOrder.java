package dev.migrate.source;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order in which Alembic's {@code ScriptDirectory} lists a version location: a top-down
 * walk in which each directory's files come first, sorted by name, then its sub-directories
 * in sorted order, each walked the same way. Paths are relative, separated by {@code /};
 * names compare by code point as Python's {@code sorted} does. Public so that scanners of
 * other resource systems (Spring's, in the starter) load revisions in the same order.
 */
public final class WalkOrder implements Comparator<String> {

	/** The one instance. */
	public static final WalkOrder INSTANCE = new WalkOrder();

	private WalkOrder() {
	}

	@Override
	public int compare(String a, String b) {
		if (a.indexOf('/') < 0 && b.indexOf('/') < 0) {
			return compareNames(a, b); // two files of the location's own directory, the common case
		}
		String[] left = a.split("/");
		String[] right = b.split("/");
		for (int i = 0;; i++) {
			boolean leftIsFile = i == left.length - 1;
			boolean rightIsFile = i == right.length - 1;
			if (leftIsFile != rightIsFile) {
				return leftIsFile ? -1 : 1;
			}
			int result = compareNames(left[i], right[i]);
			if (result != 0 || leftIsFile) {
				return result;
			}
		}
	}

	/** Sorts the names of one directory's entries by code point. */
	static void sortNames(String[] names) {
		for (String name : names) {
			if (name.codePointCount(0, name.length()) != name.length()) {
				Arrays.sort(names, WalkOrder::compareNames);
				return;
			}
		}
		// Without supplementary characters (surrogate pairs), UTF-16 order is code point
		// order: a lone surrogate orders the same either way.
		Arrays.sort(names);
	}

	static int compareNames(String a, String b) {
		int i = 0;
		int j = 0;
		while (i < a.length() && j < b.length()) {
			int left = a.codePointAt(i);
			int right = b.codePointAt(j);
			if (left != right) {
				return Integer.compare(left, right);
			}
			i += Character.charCount(left);
			j += Character.charCount(right);
		}
		return Boolean.compare(i < a.length(), j < b.length());
	}

}
