package dev.migrate.source;

import java.util.Objects;

/**
 * The text of one section of a SQL revision file (its upgrade or its downgrade), with where
 * it starts, so that a failing statement can be reported as {@code file:line}.
 *
 * @param source the file, as {@link dev.migrate.revision.Revision#source()} names it
 * @param line the line of the file on which {@code sql} starts (1-based)
 * @param sql the section's text, every line after its marker up to the next marker or the
 * end of the file
 */
public record SqlSection(String source, int line, String sql) {

	public SqlSection {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(sql, "sql");
	}

	/**
	 * The line of the file on which a character of {@link #sql()} stands, e.g. where a
	 * statement split from it starts.
	 * @param offset an index into {@code sql}
	 * @return the 1-based line in the file
	 */
	public int lineOf(int offset) {
		if (offset < 0 || offset > this.sql.length()) {
			throw new IndexOutOfBoundsException("offset " + offset + " is outside the section of " + this.sql.length()
					+ " characters");
		}
		int line = this.line;
		for (int i = 0; i < offset; i++) {
			if (this.sql.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	/** Whether the section holds nothing but whitespace. */
	public boolean isBlank() {
		return this.sql.isBlank();
	}

	@Override
	public String toString() {
		return this.source + ":" + this.line;
	}

}
