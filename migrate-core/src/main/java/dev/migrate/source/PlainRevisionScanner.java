package dev.migrate.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.revision.Revision;

/**
 * Reads the common revision file from its bytes: ASCII text with LF line endings and no
 * control characters but tabs in its comments, a header of a message and the keys
 * {@code Revision ID}, {@code Revises}, {@code Branch Labels}, {@code Depends On} and
 * {@code Create Date} spelled as {@code migrate revision} writes them, then the
 * {@code -- migrate:upgrade} and optional {@code -- migrate:downgrade} sections. It gives
 * the same revision as {@link SqlRevisionParser}, which it leaves every other file to
 * (other keys, other spellings, other characters, comments between the header and the
 * upgrade section, and every error).
 * <p>
 * It exists because every line of every file is read on each start, mostly before the JIT
 * has compiled anything: comparing bytes costs the interpreter a few bytecodes a character
 * where the parser's {@code String} calls cost it several method calls. Lines are found
 * with {@link String#indexOf(int, int)}, which the JDK has compiled already; a loop of its
 * own over every byte made C2 compile this class on each start, about 0.1 s of CPU.
 */
final class PlainRevisionScanner {

	/** The header keys this scanner takes, spelled as {@code migrate revision} writes them; see the indexes below. */
	private static final byte[][] KEYS = { ascii("Revision ID"), ascii("Revises"), ascii("Branch Labels"),
			ascii("Depends On"), ascii("Create Date") };

	private static final int REVISION_ID = 0;

	private static final int REVISES = 1;

	private static final int BRANCH_LABELS = 2;

	private static final int CREATE_DATE = 4;

	private static final byte[] MIGRATE = ascii("migrate");

	private static final byte[] UPGRADE = ascii("upgrade");

	private static final byte[] DOWNGRADE = ascii("downgrade");

	private final byte[] bytes;

	private final String text;

	/** The {@link #KEYS} seen so far, a bit each. */
	private int seenKeys;

	private String id;

	private List<String> revises = List.of();

	private List<String> branchLabels = List.of();

	private List<String> dependsOn = List.of();

	private String createDate;

	private String message;

	/** The 1-based line of each marker, 0 while not seen. */
	private int upgradeLine;

	private int downgradeLine;

	/** Where the text after each marker's line starts, and where the downgrade marker's line starts. */
	private int upgradeStart;

	private int downgradeMarkerStart;

	private int downgradeStart;

	private PlainRevisionScanner(byte[] bytes, String text) {
		this.bytes = bytes;
		this.text = text;
	}

	/**
	 * The revision of an ASCII file, or {@code null} when the file is not of the common form
	 * and needs {@link SqlRevisionParser}.
	 * @param source where the file comes from, as {@link SqlRevisions#read(String, byte[])} takes it
	 * @param bytes the file's bytes, from index 0
	 * @param text the bytes decoded, one character per byte
	 */
	static Revision scan(String source, byte[] bytes, String text) {
		if (text.indexOf('\r') >= 0) {
			return null; // line endings to normalize
		}
		PlainRevisionScanner scanner = new PlainRevisionScanner(bytes, text);
		if (!scanner.scanLines() || scanner.id == null || scanner.upgradeLine == 0) {
			return null;
		}
		return scanner.revision(source);
	}

	private Revision revision(String source) {
		String text = this.text;
		int length = text.length();
		SqlSection upgrade = section(source, text, this.upgradeLine, this.upgradeStart,
				(this.downgradeLine != 0) ? this.downgradeMarkerStart - 1 : length);
		SqlSection downgrade = (this.downgradeLine != 0)
				? section(source, text, this.downgradeLine, this.downgradeStart, length) : null;
		return Revision.builder(this.id)
			.revises(this.revises)
			.branchLabels(this.branchLabels)
			.dependsOn(this.dependsOn)
			.message((this.message != null) ? this.message : "")
			.createDate(this.createDate)
			.lazyChecksum(new SqlRevisions.TextChecksum(text))
			.source(source)
			.migration(new SqlMigration(this.id, upgrade, downgrade))
			.build();
	}

	private static SqlSection section(String source, String text, int markerLine, int start, int end) {
		return new SqlSection(source, markerLine + 1, (start < end) ? text.substring(start, end) : "");
	}

	/**
	 * Reads the lines as {@link SqlRevisionParser#parseLines()} does, for the common form.
	 * @return false when the file is not of that form
	 */
	private boolean scanLines() {
		byte[] b = this.bytes;
		String text = this.text;
		int length = text.length();
		boolean header = true;
		boolean headerStarted = false;
		int lineNumber = 1;
		for (int start = 0; start <= length; lineNumber++) {
			int newline = text.indexOf('\n', start);
			int end = (newline >= 0) ? newline : length;
			int first = skipSpace(start, end);
			if (first < end && b[first] < ' ') {
				return false; // a control character, which the parser may take for white space
			}
			boolean comment = end - first >= 2 && b[first] == '-' && b[first + 1] == '-';
			if (comment && hasControl(first + 2, end)) {
				return false;
			}
			int marker = comment ? markerSection(first + 2, end) : 0;
			if (marker < 0) {
				return false; // marker-like, but not exactly a marker
			}
			if (header) {
				if (first == end && !headerStarted) {
					// blank lines before the header
				}
				else if (comment && marker == 0) {
					headerStarted = true;
					if (!headerLine(first + 2, end)) {
						return false;
					}
				}
				else {
					header = false;
				}
			}
			if (!header) {
				if (marker != 0) {
					if (!marker(marker, lineNumber, start, end + 1)) {
						return false;
					}
				}
				else if (this.upgradeLine == 0 && first < end) {
					return false; // a comment or SQL between the header and the upgrade section
				}
			}
			if (newline < 0) {
				break;
			}
			start = newline + 1;
		}
		return true;
	}

	/**
	 * A header line's content, from after its {@code --} to its end.
	 * @return false when it is not a line of the common form
	 */
	private boolean headerLine(int from, int to) {
		int start = skipSpace(from, to);
		int end = trimEnd(start, to);
		if (start == end) {
			return true;
		}
		int colon = indexOf(':', start, end);
		if (colon < 0) {
			if (this.message == null) {
				this.message = string(start, end);
			}
			return true;
		}
		if (colon + 2 < end && this.bytes[colon + 1] == '/' && this.bytes[colon + 2] == '/') {
			return false; // 'name://...', which the parser takes for a URL, not a key
		}
		int key = key(start, trimEnd(start, colon));
		if (key < 0 || (this.seenKeys & (1 << key)) != 0) {
			return false; // another key, another spelling, a message with a colon, or a key given twice
		}
		this.seenKeys |= 1 << key;
		int valueStart = skipSpace(colon + 1, end);
		if (key == REVISION_ID) {
			this.id = isId(valueStart, end) ? string(valueStart, end) : null;
			return this.id != null;
		}
		if (key == CREATE_DATE) {
			this.createDate = (valueStart < end) ? string(valueStart, end) : null;
			return true;
		}
		List<String> items = list(valueStart, end, key == REVISES);
		if (key == REVISES) {
			this.revises = items;
		}
		else if (key == BRANCH_LABELS) {
			this.branchLabels = items;
		}
		else {
			this.dependsOn = items;
		}
		return items != null;
	}

	/** The index in {@link #KEYS} of the name between two indexes, or -1. */
	private int key(int start, int end) {
		for (int key = 0; key < KEYS.length; key++) {
			if (matches(KEYS[key], start, end)) {
				return key;
			}
		}
		return -1;
	}

	/**
	 * Takes a section marker.
	 * @param section 1 for upgrade, 2 for downgrade
	 * @return false when it is out of place, which the general parser reports
	 */
	private boolean marker(int section, int lineNumber, int start, int next) {
		if (section == 1) {
			if (this.upgradeLine != 0) {
				return false;
			}
			this.upgradeLine = lineNumber;
			this.upgradeStart = next;
			return true;
		}
		if (this.downgradeLine != 0 || this.upgradeLine == 0) {
			return false;
		}
		this.downgradeLine = lineNumber;
		this.downgradeMarkerStart = start;
		this.downgradeStart = next;
		return true;
	}

	/**
	 * What a comment line is, from after its {@code --}: 0 when it is not marker-like (no
	 * {@code migrate:} after optional white space), 1 for an upgrade marker, 2 for a
	 * downgrade marker, -1 for any other marker-like line.
	 */
	private int markerSection(int from, int to) {
		int i = skipSpace(from, to);
		if (!matchesIgnoreCase(MIGRATE, i, to)) {
			return 0;
		}
		i = skipSpace(i + MIGRATE.length, to);
		if (i == to || this.bytes[i] != ':') {
			return 0;
		}
		int start = skipSpace(i + 1, to);
		int end = trimEnd(start, to);
		if (end - start == UPGRADE.length && matchesIgnoreCase(UPGRADE, start, end)) {
			return 1;
		}
		if (end - start == DOWNGRADE.length && matchesIgnoreCase(DOWNGRADE, start, end)) {
			return 2;
		}
		return -1;
	}

	/**
	 * A comma-separated value, empty for none.
	 * @param ids whether every item must be a revision id
	 * @return the items, or {@code null} when an item is empty, holds white space or is not
	 * an id where one must be
	 */
	private List<String> list(int start, int end, boolean ids) {
		if (start == end) {
			return List.of();
		}
		List<String> items = new ArrayList<>(2);
		int itemStart = start;
		while (true) {
			int comma = indexOf(',', itemStart, end);
			int itemEnd = (comma >= 0) ? comma : end;
			int from = skipSpace(itemStart, itemEnd);
			int to = trimEnd(from, itemEnd);
			if (from == to || indexOf(' ', from, to) >= 0 || indexOf('\t', from, to) >= 0 || (ids && !isId(from, to))) {
				return null;
			}
			items.add(string(from, to));
			if (comma < 0) {
				return items;
			}
			itemStart = comma + 1;
		}
	}

	private boolean isId(int start, int end) {
		if (end - start > 32 || start == end) {
			return false;
		}
		for (int i = start; i < end; i++) {
			byte c = this.bytes[i];
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/** Whether the bytes hold a control character other than a tab. */
	private boolean hasControl(int start, int end) {
		for (int i = start; i < end; i++) {
			if (this.bytes[i] < ' ' && this.bytes[i] != '\t') {
				return true;
			}
		}
		return false;
	}

	private boolean matches(byte[] word, int start, int end) {
		if (end - start != word.length) {
			return false;
		}
		for (int i = 0; i < word.length; i++) {
			if (this.bytes[start + i] != word[i]) {
				return false;
			}
		}
		return true;
	}

	/** Whether the bytes from {@code start} begin with a lower-case word, in any ASCII case. */
	private boolean matchesIgnoreCase(byte[] lowerCaseWord, int start, int end) {
		if (end - start < lowerCaseWord.length) {
			return false;
		}
		for (int i = 0; i < lowerCaseWord.length; i++) {
			if ((this.bytes[start + i] | 0x20) != lowerCaseWord[i]) {
				return false;
			}
		}
		return true;
	}

	private int indexOf(char c, int start, int end) {
		for (int i = start; i < end; i++) {
			if (this.bytes[i] == c) {
				return i;
			}
		}
		return -1;
	}

	private int skipSpace(int from, int to) {
		int i = from;
		while (i < to && (this.bytes[i] == ' ' || this.bytes[i] == '\t')) {
			i++;
		}
		return i;
	}

	private int trimEnd(int from, int to) {
		int end = to;
		while (end > from && (this.bytes[end - 1] == ' ' || this.bytes[end - 1] == '\t')) {
			end--;
		}
		return end;
	}

	private String string(int start, int end) {
		return this.text.substring(start, end);
	}

	private static byte[] ascii(String word) {
		return word.getBytes(StandardCharsets.US_ASCII);
	}

}
