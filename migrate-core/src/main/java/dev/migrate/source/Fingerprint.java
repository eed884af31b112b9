package dev.migrate.source;

import java.util.Collection;

import dev.migrate.revision.Revision;

/**
 * A 128-bit digest of what a set of revisions is loaded from, taken without loading it: each
 * revision file's path with its size and modification time (or its bytes, or a jar entry's
 * CRC), and the fields of revisions handed over as objects. Two loads of the same fingerprint
 * give the same revision graph, so a database found at that graph's heads once needs nothing
 * while the fingerprint stays the same.
 *
 * <p>Not a cryptographic hash: it tells changed files from unchanged ones, not a forgery from
 * the original. Whoever can write the revision files runs their SQL anyway.
 */
public final class Fingerprint {

	private static final long K1 = 0x87c37b91114253d5L;

	private static final long K2 = 0x4cf5ad432745937fL;

	private long h1 = 0x6a09e667f3bcc908L;

	private long h2 = 0xbb67ae8584caa73bL;

	private long count;

	/** An empty fingerprint. */
	public Fingerprint() {
	}

	/** Adds a number. */
	public Fingerprint add(long value) {
		// the rotations written out: a first fingerprint in a new JVM runs interpreted, where
		// Long.rotateLeft is a call
		this.count++;
		long a = value * K1;
		long b = value * K2;
		long x1 = this.h1 ^ (((a << 31) | (a >>> 33)) * K2); // rotateLeft(a, 31)
		this.h1 = ((x1 << 27) | (x1 >>> 37)) * 5 + 0x52dce729; // rotateLeft(x1, 27)
		long x2 = this.h2 ^ (((b << 33) | (b >>> 31)) * K1); // rotateLeft(b, 33)
		this.h2 = ((x2 << 31) | (x2 >>> 33)) * 5 + 0x38495ab5 + this.h1; // rotateLeft(x2, 31)
		return this;
	}

	/** Adds a text, or {@code null}, told apart from any text. */
	public Fingerprint add(String text) {
		if (text == null) {
			return add(-1L);
		}
		add(text.length());
		int i = 0;
		for (; i + 4 <= text.length(); i += 4) {
			add(((long) text.charAt(i) << 48) | ((long) text.charAt(i + 1) << 32) | ((long) text.charAt(i + 2) << 16)
					| text.charAt(i + 3));
		}
		long rest = 0;
		for (; i < text.length(); i++) {
			rest = (rest << 16) | text.charAt(i);
		}
		return add(rest);
	}

	/** Adds bytes. */
	public Fingerprint add(byte[] bytes, int offset, int length) {
		add(length);
		int i = offset;
		int end = offset + length;
		for (; i + 8 <= end; i += 8) {
			long value = 0;
			for (int j = 0; j < 8; j++) {
				value = (value << 8) | (bytes[i + j] & 0xff);
			}
			add(value);
		}
		long rest = 0;
		for (; i < end; i++) {
			rest = (rest << 8) | (bytes[i] & 0xff);
		}
		return add(rest);
	}

	/** Adds texts, their number first. */
	public Fingerprint add(Collection<String> texts) {
		add(texts.size());
		for (String text : texts) {
			add(text);
		}
		return this;
	}

	/** Adds what places a revision in the graph: its id, down revisions, dependencies and labels, and its checksum. */
	public Fingerprint add(Revision revision) {
		add(revision.id());
		add(revision.downRevisions());
		add(revision.dependsOn());
		add(revision.branchLabels());
		return add(revision.checksum());
	}

	/**
	 * Adds fingerprints in any order: the same fingerprints give the same result whatever
	 * their order, as for the files of a directory listed in the order the file system keeps
	 * them. Each must tell its item apart (a file's path with its size and time, say).
	 */
	public Fingerprint addUnordered(Collection<Fingerprint> items) {
		long a = 0;
		long b = 0;
		for (Fingerprint item : items) {
			a += mix(item.h1 ^ item.count);
			b += mix(item.h2 ^ item.count);
		}
		return add(items.size()).add(a).add(b);
	}

	/** The digest as 32 hexadecimal digits. */
	@Override
	public String toString() {
		long a = mix(this.h1 ^ this.count);
		long b = mix(this.h2 ^ this.count);
		a += b;
		b += a;
		return hex(a) + hex(b);
	}

	private static long mix(long value) {
		long k = value;
		k ^= k >>> 33;
		k *= 0xff51afd7ed558ccdL;
		k ^= k >>> 33;
		k *= 0xc4ceb9fe1a85ec53L;
		k ^= k >>> 33;
		return k;
	}

	private static String hex(long value) {
		String digits = Long.toHexString(value);
		return "0".repeat(16 - digits.length()) + digits;
	}

}
