package dev.migrate.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.revision.Revision;

/**
 * Parses one SQL revision file: a header of {@code --} comment lines, then the
 * {@code -- migrate:upgrade} section and an optional {@code -- migrate:downgrade} section.
 * The format is described in {@code docs/revisions.md}.
 */
final class SqlRevisionParser {

	private static final Pattern ID = Pattern.compile("[0-9a-z_]{1,32}");

	/** {@code Key: value}; a colon followed by {@code //} is a URL, not a key. */
	private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z][A-Za-z _-]*?)\\s*:(?!//)(.*)");

	private static final Pattern MARKER_LIKE = Pattern.compile("--\\s*migrate\\s*:.*", Pattern.CASE_INSENSITIVE);

	private static final Pattern MARKER = Pattern.compile("--\\s*migrate\\s*:\\s*(upgrade|downgrade)",
			Pattern.CASE_INSENSITIVE);

	private static final String UPGRADE_MARKER = "'-- migrate:upgrade'";

	private static final String DOWNGRADE_MARKER = "'-- migrate:downgrade'";

	private final String source;

	private final String[] lines;

	private final Map<Key, String> values = new EnumMap<>(Key.class);

	private final Map<Key, Integer> keyLines = new EnumMap<>(Key.class);

	private String message;

	private boolean seenHeaderContent;

	private int upgradeLine;

	private int downgradeLine;

	private SqlRevisionParser(String source, String normalizedText) {
		this.source = source;
		this.lines = normalizedText.split("\n", -1);
	}

	/**
	 * Parses a file's text, already normalized to LF line endings without a BOM.
	 */
	static Revision parse(String source, String normalizedText, String checksum) {
		return new SqlRevisionParser(source, normalizedText).parse(checksum);
	}

	private Revision parse(String checksum) {
		int index = parseHeader();
		String id = this.values.get(Key.REVISION_ID);
		if (id == null) {
			throw new RevisionSourceException(this.source, 0, this.source
					+ " has no 'Revision ID' in its header: start the file with '--' comment lines such as"
					+ " '-- Revision ID: 1975ea83b712' and '-- Revises: <parent id>' (see docs/revisions.md)");
		}
		parseSections(index);
		if (this.upgradeLine == 0) {
			throw new RevisionSourceException(this.source, 0, this.source + " has no " + UPGRADE_MARKER
					+ " section: add a line '-- migrate:upgrade' after the header, followed by the upgrade SQL");
		}
		SqlSection upgrade = section(this.upgradeLine, (this.downgradeLine != 0) ? this.downgradeLine : this.lines.length + 1);
		SqlSection downgrade = (this.downgradeLine != 0) ? section(this.downgradeLine, this.lines.length + 1) : null;
		return Revision.builder(id)
			.revises(list(Key.REVISES))
			.branchLabels(list(Key.BRANCH_LABELS))
			.dependsOn(list(Key.DEPENDS_ON))
			.message((this.message != null) ? this.message : "")
			.createDate(createDate())
			.transactional(transactional())
			.lockTimeout(duration(Key.LOCK_TIMEOUT))
			.statementTimeout(duration(Key.STATEMENT_TIMEOUT))
			.checksum(checksum)
			.source(this.source)
			.migration(new SqlMigration(id, upgrade, downgrade))
			.build();
	}

	/**
	 * Reads the header: the leading {@code --} lines after any blank lines, up to the first
	 * line that is not such a comment or is a section marker.
	 * @return the index of the first line after the header
	 */
	private int parseHeader() {
		int index = 0;
		while (index < this.lines.length && this.lines[index].isBlank()) {
			index++;
		}
		while (index < this.lines.length) {
			String line = this.lines[index].strip();
			if (!line.startsWith("--") || MARKER_LIKE.matcher(line).matches()) {
				break;
			}
			headerLine(line.substring(2).strip(), index + 1);
			index++;
		}
		return index;
	}

	private void headerLine(String content, int lineNumber) {
		if (content.isEmpty()) {
			return;
		}
		boolean first = !this.seenHeaderContent;
		this.seenHeaderContent = true;
		Matcher matcher = KEY_LINE.matcher(content);
		if (!matcher.matches()) {
			if (this.message == null) {
				this.message = content;
			}
			return;
		}
		String name = matcher.group(1);
		Key key = Key.named(name);
		if (key != null) {
			set(key, matcher.group(2).strip(), lineNumber);
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
		if (!ID.matcher(id).matches()) {
			throw RevisionSourceException.at(this.source, lineNumber, "'" + key + "' names '" + id
					+ "', which is not a revision id: use 1 to 32 characters of [0-9a-z_]");
		}
	}

	private List<String> splitList(String value, Key key, int lineNumber) {
		List<String> result = new ArrayList<>();
		for (String item : value.split(",")) {
			String trimmed = item.strip();
			if (trimmed.chars().anyMatch(Character::isWhitespace)) {
				throw RevisionSourceException.at(this.source, lineNumber, "'" + key.title + "' has '" + trimmed
						+ "': separate several values with commas, e.g. '" + key.title + ": a1b2c3, d4e5f6'");
			}
			if (!trimmed.isEmpty()) {
				result.add(trimmed);
			}
		}
		return result;
	}

	/**
	 * Finds the section markers after the header; between the header and the upgrade marker
	 * only blank lines and comments may stand.
	 */
	private void parseSections(int start) {
		for (int index = start; index < this.lines.length; index++) {
			String line = this.lines[index].strip();
			int lineNumber = index + 1;
			if (MARKER_LIKE.matcher(line).matches()) {
				marker(line, lineNumber);
			}
			else if (this.upgradeLine == 0) {
				beforeUpgrade(line, lineNumber);
			}
		}
	}

	private void marker(String line, int lineNumber) {
		Matcher matcher = MARKER.matcher(line);
		if (!matcher.matches()) {
			throw RevisionSourceException.at(this.source, lineNumber, "'" + line + "' is not a section marker: use "
					+ UPGRADE_MARKER + " or " + DOWNGRADE_MARKER + ", alone on their line");
		}
		if (matcher.group(1).equalsIgnoreCase("upgrade")) {
			if (this.upgradeLine != 0) {
				throw RevisionSourceException.at(this.source, lineNumber, UPGRADE_MARKER + " appears twice (lines "
						+ this.upgradeLine + " and " + lineNumber + "): a file holds one upgrade section");
			}
			this.upgradeLine = lineNumber;
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
		}
	}

	private void beforeUpgrade(String line, int lineNumber) {
		if (line.isEmpty()) {
			return;
		}
		if (line.startsWith("--")) {
			Matcher matcher = KEY_LINE.matcher(line.substring(2).strip());
			if (matcher.matches() && Key.named(matcher.group(1)) != null) {
				throw RevisionSourceException.at(this.source, lineNumber, "'" + Key.named(matcher.group(1)).title
						+ "' stands outside the header, which ends at the first line that is not a '--' comment:"
						+ " remove the blank lines inside the header");
			}
			return;
		}
		throw RevisionSourceException.at(this.source, lineNumber, "SQL before " + UPGRADE_MARKER
				+ ": put the upgrade statements after a line '-- migrate:upgrade'");
	}

	/** The lines after the marker on {@code markerLine} up to the line before {@code endLine}. */
	private SqlSection section(int markerLine, int endLine) {
		// Line numbers are 1-based: the marker is at index markerLine - 1, its text starts at index markerLine.
		StringBuilder sql = new StringBuilder();
		for (int index = markerLine; index < endLine - 1; index++) {
			if (index > markerLine) {
				sql.append('\n');
			}
			sql.append(this.lines[index]);
		}
		return new SqlSection(this.source, markerLine + 1, sql.toString());
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

		private final String compact;

		Key(String title) {
			this.title = title;
			this.compact = compact(title);
		}

		static Key named(String name) {
			String normalized = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
			for (Key key : values()) {
				if (key.title.toLowerCase(Locale.ROOT).equals(normalized)) {
					return key;
				}
			}
			return null;
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

		private static String compact(String name) {
			return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
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
