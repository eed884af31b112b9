package dev.migrate.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import dev.migrate.revision.Revision;

/**
 * Parses one SQL revision file: a header of {@code --} comment lines, then the
 * {@code -- migrate:upgrade} section and an optional {@code -- migrate:downgrade} section.
 * The format is described in {@code docs/revisions.md}.
 */
final class SqlRevisionParser {

	private static final String[] SECTIONS = { "upgrade", "downgrade" };

	private static final String UPGRADE_MARKER = "'-- migrate:upgrade'";

	private static final String DOWNGRADE_MARKER = "'-- migrate:downgrade'";

	private final String source;

	private final String text;

	private final Map<Key, String> values = new EnumMap<>(Key.class);

	private final Map<Key, Integer> keyLines = new EnumMap<>(Key.class);

	private String message;

	private boolean seenHeaderContent;

	/** The 1-based line of each marker, 0 while not seen. */
	private int upgradeLine;

	private int downgradeLine;

	/** Where the text after each marker's line starts, and where each marker's line starts. */
	private int upgradeStart;

	private int downgradeMarkerStart;

	private int downgradeStart;

	/** The first error in the sections, thrown once the header is known to be complete. */
	private RevisionSourceException sectionError;

	private SqlRevisionParser(String source, String normalizedText) {
		this.source = source;
		this.text = normalizedText;
	}

	/**
	 * Parses a file's text, already normalized to LF line endings without a BOM.
	 */
	static Revision parse(String source, String normalizedText, Supplier<String> checksum) {
		return new SqlRevisionParser(source, normalizedText).parse(checksum);
	}

	private Revision parse(Supplier<String> checksum) {
		parseLines();
		String id = this.values.get(Key.REVISION_ID);
		if (id == null) {
			throw new RevisionSourceException(this.source, 0, this.source
					+ " has no 'Revision ID' in its header: start the file with '--' comment lines such as"
					+ " '-- Revision ID: 1975ea83b712' and '-- Revises: <parent id>' (see docs/revisions.md)");
		}
		if (this.sectionError != null) {
			throw this.sectionError;
		}
		if (this.upgradeLine == 0) {
			throw new RevisionSourceException(this.source, 0, this.source + " has no " + UPGRADE_MARKER
					+ " section: add a line '-- migrate:upgrade' after the header, followed by the upgrade SQL");
		}
		SqlSection upgrade = section(this.upgradeLine, this.upgradeStart,
				(this.downgradeLine != 0) ? this.downgradeMarkerStart - 1 : this.text.length());
		SqlSection downgrade = (this.downgradeLine != 0)
				? section(this.downgradeLine, this.downgradeStart, this.text.length()) : null;
		return Revision.builder(id)
			.revises(list(Key.REVISES))
			.branchLabels(list(Key.BRANCH_LABELS))
			.dependsOn(list(Key.DEPENDS_ON))
			.message((this.message != null) ? this.message : "")
			.createDate(createDate())
			.transactional(transactional())
			.lockTimeout(duration(Key.LOCK_TIMEOUT))
			.statementTimeout(duration(Key.STATEMENT_TIMEOUT))
			.lazyChecksum(checksum)
			.source(this.source)
			.migration(new SqlMigration(id, upgrade, downgrade))
			.build();
	}

	/**
	 * Reads the file line by line, by index into its text: the header (the leading
	 * {@code --} lines after any blank lines, up to the first line that is not such a
	 * comment or is a section marker), then the section markers. A line becomes a string
	 * only when it is a comment; the SQL of the sections is only looked at for its first
	 * characters, because every line of every file goes through here on each start.
	 */
	private void parseLines() {
		String text = this.text;
		int length = text.length();
		boolean header = true;
		boolean headerStarted = false;
		int lineNumber = 1;
		for (int start = 0; start <= length; lineNumber++) {
			int newline = text.indexOf('\n', start);
			int end = (newline >= 0) ? newline : length;
			int first = start;
			while (first < end && Character.isWhitespace(text.charAt(first))) {
				first++;
			}
			boolean comment = end - first >= 2 && text.charAt(first) == '-' && text.charAt(first + 1) == '-';
			if (header) {
				if (first == end && !headerStarted) {
					// blank lines before the header
				}
				else if (comment && !isMarkerLike(strip(text, first, end))) {
					headerStarted = true;
					headerLine(strip(text, first + 2, end), lineNumber);
				}
				else {
					header = false;
				}
			}
			if (!header) {
				try {
					if (comment) {
						String line = strip(text, first, end);
						if (isMarkerLike(line)) {
							marker(line, lineNumber, start, end + 1);
						}
						else if (this.upgradeLine == 0) {
							beforeUpgrade(line, lineNumber);
						}
					}
					else if (this.upgradeLine == 0 && first < end) {
						beforeUpgrade(strip(text, first, end), lineNumber);
					}
				}
				catch (RevisionSourceException ex) {
					// reported after a missing revision id, which says more
					this.sectionError = ex;
					return;
				}
			}
			if (newline < 0) {
				break;
			}
			start = newline + 1;
		}
	}

	/** The text between two indexes without leading and trailing white space, as {@link String#strip()}. */
	private static String strip(String text, int from, int to) {
		int start = from;
		int end = to;
		while (start < end && Character.isWhitespace(text.charAt(start))) {
			start++;
		}
		while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end);
	}

	private void headerLine(String content, int lineNumber) {
		if (content.isEmpty()) {
			return;
		}
		boolean first = !this.seenHeaderContent;
		this.seenHeaderContent = true;
		String[] keyLine = keyLine(content);
		if (keyLine == null) {
			if (this.message == null) {
				this.message = content;
			}
			return;
		}
		String name = keyLine[0];
		Key key = Key.named(name);
		if (key != null) {
			set(key, keyLine[1].strip(), lineNumber);
			return;
		}
		Key likely = Key.resembling(name);
		if (first && likely == null && this.message == null) {
			// The first line is the message even with a colon in it ("fix: keep nulls").
			this.message = content;
			return;
		}
		throw RevisionSourceException.at(this.source, lineNumber, "unknown header key '" + name + "'"
				+ ((likely != null) ? " (did you mean '" + likely.title + "'?)" : "") + ": use " + Key.titles()
				+ ", or reword the line so that it does not start with a word and a colon");
	}

	private void set(Key key, String value, int lineNumber) {
		Integer previous = this.keyLines.putIfAbsent(key, lineNumber);
		if (previous != null) {
			throw RevisionSourceException.at(this.source, lineNumber, "'" + key.title + "' is given twice (lines "
					+ previous + " and " + lineNumber + "): keep one line, with a comma-separated list where it takes several values");
		}
		switch (key) {
			case REVISION_ID -> {
				if (value.isEmpty()) {
					throw RevisionSourceException.at(this.source, lineNumber,
							"'Revision ID' is empty: give the revision's id, e.g. 'Revision ID: 1975ea83b712'");
				}
				checkId(value, "Revision ID", lineNumber);
			}
			case REVISES -> splitList(value, key, lineNumber).forEach((id) -> checkId(id, "Revises", lineNumber));
			case BRANCH_LABELS, DEPENDS_ON -> splitList(value, key, lineNumber);
			case TRANSACTIONAL -> {
				if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
					throw RevisionSourceException.at(this.source, lineNumber, "'Transactional' is '" + value
							+ "': use true or false (false runs the revision outside a transaction)");
				}
			}
			case LOCK_TIMEOUT, STATEMENT_TIMEOUT -> {
				try {
					Revision.parseDuration(value);
				}
				catch (IllegalArgumentException ex) {
					throw RevisionSourceException.at(this.source, lineNumber, "'" + key.title + "': " + ex.getMessage());
				}
			}
			case CREATE_DATE -> {
			}
		}
		this.values.put(key, value);
	}

	private void checkId(String id, String key, int lineNumber) {
		if (!Revision.isValidId(id)) {
			throw RevisionSourceException.at(this.source, lineNumber, "'" + key + "' names '" + id
					+ "', which is not a revision id: use 1 to 32 characters of [0-9a-z_]");
		}
	}

	private List<String> splitList(String value, Key key, int lineNumber) {
		if (value.indexOf(',') < 0) {
			// the common case: one value, or none
			if (hasWhitespace(value)) {
				throw listWithSpace(value, key, lineNumber);
			}
			return value.isEmpty() ? List.of() : List.of(value);
		}
		List<String> result = new ArrayList<>();
		for (String item : value.split(",")) {
			String trimmed = item.strip();
			if (hasWhitespace(trimmed)) {
				throw listWithSpace(trimmed, key, lineNumber);
			}
			if (!trimmed.isEmpty()) {
				result.add(trimmed);
			}
		}
		return result;
	}

	private RevisionSourceException listWithSpace(String item, Key key, int lineNumber) {
		return RevisionSourceException.at(this.source, lineNumber, "'" + key.title + "' has '" + item
				+ "': separate several values with commas, e.g. '" + key.title + ": a1b2c3, d4e5f6'");
	}

	/**
	 * Takes a marker line: {@code start} is where its line starts, {@code next} where the
	 * line after it starts.
	 */
	private void marker(String line, int lineNumber, int start, int next) {
		String section = markerSection(line);
		if (section == null) {
			throw RevisionSourceException.at(this.source, lineNumber, "'" + line + "' is not a section marker: use "
					+ UPGRADE_MARKER + " or " + DOWNGRADE_MARKER + ", alone on their line");
		}
		if (section.equals("upgrade")) {
			if (this.upgradeLine != 0) {
				throw RevisionSourceException.at(this.source, lineNumber, UPGRADE_MARKER + " appears twice (lines "
						+ this.upgradeLine + " and " + lineNumber + "): a file holds one upgrade section");
			}
			this.upgradeLine = lineNumber;
			this.upgradeStart = next;
		}
		else {
			if (this.downgradeLine != 0) {
				throw RevisionSourceException.at(this.source, lineNumber, DOWNGRADE_MARKER + " appears twice (lines "
						+ this.downgradeLine + " and " + lineNumber + "): a file holds one downgrade section");
			}
			if (this.upgradeLine == 0) {
				throw RevisionSourceException.at(this.source, lineNumber, DOWNGRADE_MARKER + " comes before "
						+ UPGRADE_MARKER + ": put the upgrade section first, then the downgrade section");
			}
			this.downgradeLine = lineNumber;
			this.downgradeMarkerStart = start;
			this.downgradeStart = next;
		}
	}

	/** A line between the header and the upgrade marker: only blank lines and comments may stand there. */
	private void beforeUpgrade(String line, int lineNumber) {
		if (line.isEmpty()) {
			return;
		}
		if (line.startsWith("--")) {
			String[] keyLine = keyLine(line.substring(2).strip());
			if (keyLine != null && Key.named(keyLine[0]) != null) {
				throw RevisionSourceException.at(this.source, lineNumber, "'" + Key.named(keyLine[0]).title
						+ "' stands outside the header, which ends at the first line that is not a '--' comment:"
						+ " remove the blank lines inside the header");
			}
			return;
		}
		throw RevisionSourceException.at(this.source, lineNumber, "SQL before " + UPGRADE_MARKER
				+ ": put the upgrade statements after a line '-- migrate:upgrade'");
	}

	/**
	 * A section: the text from {@code start} (the line after its marker) to {@code end} (the
	 * end of the line before the next marker, or of the text).
	 */
	private SqlSection section(int markerLine, int start, int end) {
		String sql = (start < end) ? this.text.substring(start, end) : "";
		return new SqlSection(this.source, markerLine + 1, sql);
	}

	/**
	 * Splits a header line of the form {@code Key: value}: a name of ASCII letters, spaces,
	 * {@code _} and {@code -} starting with a letter, optional white space, a colon that does
	 * not start {@code //} (a URL), then the value. Written out rather than as a regular
	 * expression because every header line of every file goes through it on each start.
	 * @return the name and the value, or {@code null} when the line is not of that form
	 */
	static String[] keyLine(String content) {
		int colon = content.indexOf(':');
		if (colon <= 0 || content.startsWith("//", colon + 1)) {
			return null;
		}
		int end = colon;
		while (end > 0 && isRegexSpace(content.charAt(end - 1))) {
			end--;
		}
		if (end == 0 || !isAsciiLetter(content.charAt(0))) {
			return null;
		}
		for (int i = 1; i < end; i++) {
			char c = content.charAt(i);
			if (!isAsciiLetter(c) && c != ' ' && c != '_' && c != '-') {
				return null;
			}
		}
		for (int i = colon + 1; i < content.length(); i++) {
			char c = content.charAt(i);
			if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return null; // a line terminator, which a value never holds
			}
		}
		return new String[] { content.substring(0, end), content.substring(colon + 1) };
	}

	/**
	 * Whether a line looks like a section marker: {@code --}, optional white space,
	 * {@code migrate} in any ASCII case, optional white space and a colon, then anything on
	 * the line. Section markers and header lines are recognized without regular expressions
	 * because every line of every file goes through them on each start.
	 */
	static boolean isMarkerLike(String line) {
		int end = afterMarkerPrefix(line);
		if (end < 0) {
			return false;
		}
		for (int i = end; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
				return false; // a line terminator, which a marker line never holds
			}
		}
		return true;
	}

	/**
	 * The section a marker line names, {@code upgrade} or {@code downgrade} (any ASCII case,
	 * white space allowed after the colon), or {@code null} when the line is not exactly a
	 * section marker.
	 */
	static String markerSection(String line) {
		int i = afterMarkerPrefix(line);
		if (i < 0) {
			return null;
		}
		i = skipSpace(line, i);
		for (String section : SECTIONS) {
			if (line.length() - i == section.length() && asciiMatchesIgnoreCase(line, i, section)) {
				return section;
			}
		}
		return null;
	}

	/** The index after {@code --\\s*migrate\\s*:} at the start of a line, or -1. */
	private static int afterMarkerPrefix(String line) {
		if (!line.startsWith("--")) {
			return -1;
		}
		int i = skipSpace(line, 2);
		if (!asciiMatchesIgnoreCase(line, i, "migrate")) {
			return -1;
		}
		i = skipSpace(line, i + "migrate".length());
		return (i < line.length() && line.charAt(i) == ':') ? i + 1 : -1;
	}

	private static int skipSpace(String line, int from) {
		int i = from;
		while (i < line.length() && isRegexSpace(line.charAt(i))) {
			i++;
		}
		return i;
	}

	/** Whether {@code text} holds {@code lowerCaseWord} at {@code from}, ignoring the case of ASCII letters only. */
	private static boolean asciiMatchesIgnoreCase(String text, int from, String lowerCaseWord) {
		if (text.length() - from < lowerCaseWord.length()) {
			return false;
		}
		for (int j = 0; j < lowerCaseWord.length(); j++) {
			char c = text.charAt(from + j);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != lowerCaseWord.charAt(j)) {
				return false;
			}
		}
		return true;
	}

	/** The characters of {@code \\s} in a regular expression: {@code [ \\t\\n\\x0B\\f\\r]}. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean hasWhitespace(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (Character.isWhitespace(text.charAt(i))) {
				return true;
			}
		}
		return false;
	}

	private List<String> list(Key key) {
		String value = this.values.get(key);
		return (value != null) ? splitList(value, key, this.keyLines.get(key)) : List.of();
	}

	private String createDate() {
		String value = this.values.get(Key.CREATE_DATE);
		return (value == null || value.isEmpty()) ? null : value;
	}

	private Duration duration(Key key) {
		String value = this.values.get(key);
		return (value != null) ? Revision.parseDuration(value) : null;
	}

	private boolean transactional() {
		String value = this.values.get(Key.TRANSACTIONAL);
		return value == null || Boolean.parseBoolean(value);
	}

	/** The header keys, matched case-insensitively. */
	private enum Key {

		REVISION_ID("Revision ID"), REVISES("Revises"), BRANCH_LABELS("Branch Labels"), DEPENDS_ON("Depends On"),
		CREATE_DATE("Create Date"), TRANSACTIONAL("Transactional"), LOCK_TIMEOUT("Lock Timeout"),
		STATEMENT_TIMEOUT("Statement Timeout");

		private final String title;

		private final String lowerTitle;

		private final String compact;

		Key(String title) {
			this.title = title;
			this.lowerTitle = title.toLowerCase(Locale.ROOT);
			this.compact = compact(title);
		}

		private static final Key[] ALL = values();

		/**
		 * The key a header name means: any case, runs of white space, {@code _} and
		 * {@code -} as one space. Compared in place, without building the normalized name,
		 * because every header line of every file goes through it on each start; names of
		 * header lines are ASCII (see {@link #keyLine}).
		 */
		static Key named(String name) {
			int start = 0;
			int end = name.length();
			while (start < end && Character.isWhitespace(name.charAt(start))) {
				start++;
			}
			while (end > start && Character.isWhitespace(name.charAt(end - 1))) {
				end--;
			}
			for (Key key : ALL) {
				if (key.isNamed(name, start, end)) {
					return key;
				}
			}
			return null;
		}

		private boolean isNamed(String name, int start, int end) {
			String title = this.lowerTitle;
			int t = 0;
			int i = start;
			while (i < end) {
				char c = name.charAt(i);
				if (isRegexSpace(c) || c == '_' || c == '-') {
					while (i < end && (isRegexSpace(name.charAt(i)) || name.charAt(i) == '_' || name.charAt(i) == '-')) {
						i++;
					}
					c = ' ';
				}
				else {
					if (c > 127) {
						return false;
					}
					i++;
				}
				if (t == title.length() || title.charAt(t) != ((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c)) {
					return false;
				}
				t++;
			}
			return t == title.length();
		}

		/** The key that an unknown name is most likely a misspelling of, or {@code null}. */
		static Key resembling(String name) {
			String compact = compact(name);
			Key best = null;
			int bestDistance = Integer.MAX_VALUE;
			for (Key key : values()) {
				int distance = distance(compact, key.compact);
				boolean prefix = Math.min(compact.length(), key.compact.length()) >= 4
						&& (compact.startsWith(key.compact) || key.compact.startsWith(compact));
				if ((distance <= 2 || prefix) && distance < bestDistance) {
					best = key;
					bestDistance = distance;
				}
			}
			return best;
		}

		static String titles() {
			List<String> titles = new ArrayList<>();
			for (Key key : values()) {
				titles.add("'" + key.title + "'");
			}
			return String.join(", ", titles);
		}

		/** The name in lower case without white space, {@code _} and {@code -}. */
		private static String compact(String name) {
			StringBuilder compact = new StringBuilder(name.length());
			for (int i = 0; i < name.length(); i++) {
				char c = name.charAt(i);
				if (!isRegexSpace(c) && c != '_' && c != '-') {
					compact.append(c);
				}
			}
			return compact.toString().toLowerCase(Locale.ROOT);
		}

		/** Levenshtein distance. */
		private static int distance(String a, String b) {
			int[] previous = new int[b.length() + 1];
			int[] current = new int[b.length() + 1];
			for (int j = 0; j <= b.length(); j++) {
				previous[j] = j;
			}
			for (int i = 1; i <= a.length(); i++) {
				current[0] = i;
				for (int j = 1; j <= b.length(); j++) {
					int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
					current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
				}
				int[] swap = previous;
				previous = current;
				current = swap;
			}
			return previous[b.length()];
		}

	}

}
