package dev.migrate.source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import dev.migrate.revision.Revision;

/**
 * Turns the text of a SQL revision file into a {@link Revision}. The file starts with a
 * header of {@code --} comment lines naming the revision, then holds its upgrade SQL under
 * {@code -- migrate:upgrade} and, optionally, its downgrade SQL under
 * {@code -- migrate:downgrade}:
 *
 * <pre>
 * -- add products table
 * --
 * -- Revision ID: 1975ea83b712
 * -- Revises: 27c6a30d7c24
 * -- Create Date: 2026-11-24 10:30:00
 *
 * -- migrate:upgrade
 * CREATE TABLE products (id bigint PRIMARY KEY);
 *
 * -- migrate:downgrade
 * DROP TABLE products;
 * </pre>
 *
 * The revision's migration is a {@link SqlMigration}; its checksum is the SHA-256 of the
 * text with line endings normalized to LF and without a byte order mark.
 */
public final class SqlRevisions {

	private SqlRevisions() {
	}

	/**
	 * Parses the text of a SQL revision file.
	 * @param source where the text comes from, used as the revision's
	 * {@link Revision#source() source} and in error messages, e.g. a file path
	 * @param text the file's text
	 * @return the revision
	 * @throws RevisionSourceException if the text is not a valid revision file; the message
	 * names the source and line
	 * @throws dev.migrate.revision.RevisionException if the revision revises or depends on
	 * itself, or a branch label is not valid
	 */
	public static Revision parse(String source, String text) {
		String normalized = normalize(text);
		return SqlRevisionParser.parse(source, normalized, new TextChecksum(normalized));
	}

	/**
	 * Parses the bytes of a SQL revision file, which must be UTF-8.
	 * @param source where the bytes come from, as for {@link #parse(String, String)}
	 * @param bytes the file's bytes
	 * @return the revision
	 * @throws RevisionSourceException if the bytes are not UTF-8 or not a valid revision
	 * file; the message names the source
	 */
	public static Revision read(String source, byte[] bytes) {
		return read(source, bytes, bytes.length);
	}

	/** Decodes the first {@code length} bytes of a buffer as strict UTF-8 and parses them. */
	static Revision read(String source, byte[] buffer, int length) {
		// The lenient decoder is the fast one; only text that then holds U+FFFD, the
		// replacement of malformed input (or the character itself), is decoded again strictly.
		String text = new String(buffer, 0, length, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') >= 0) {
			checkUtf8(source, ByteBuffer.wrap(buffer, 0, length));
		}
		else if (text.length() == length) {
			// ASCII: a character needs more than one byte, or is U+FFFD when malformed
			Revision plain = PlainRevisionScanner.scan(source, buffer, text);
			if (plain != null) {
				return plain;
			}
		}
		return parse(source, text);
	}

	private static void checkUtf8(String source, ByteBuffer bytes) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes);
		}
		catch (CharacterCodingException ex) {
			throw new RevisionSourceException(source, 0, source + " is not valid UTF-8 text: save it with UTF-8 encoding",
					ex);
		}
	}

	/**
	 * The checksum of a file's normalized text, computed when a history row needs it, not
	 * on every start.
	 */
	static final class TextChecksum implements Supplier<String> {

		private final String normalizedText;

		TextChecksum(String normalizedText) {
			this.normalizedText = normalizedText;
		}

		@Override
		public String get() {
			return Checksums.sha256(this.normalizedText.getBytes(StandardCharsets.UTF_8));
		}

	}

	/** Removes a leading byte order mark and turns CRLF and CR line endings into LF. */
	static String normalize(String text) {
		String result = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		if (result.indexOf('\r') < 0) {
			return result;
		}
		return result.replace("\r\n", "\n").replace('\r', '\n');
	}

}
