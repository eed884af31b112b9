package dev.migrate.lock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The lock key computed by the client, for PostgreSQL servers before 11 that have no
 * {@code sha256()} to compute it in the statement that tries the lock. A class of its own so
 * that the JCA provider framework is loaded only on that path.
 */
final class LockKeys {

	private LockKeys() {
	}

	/** The first eight bytes of the SHA-256 of the name in UTF-8, read as a big-endian signed long. */
	static long sha256(String name) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
			long key = 0;
			for (int i = 0; i < 8; i++) {
				key = (key << 8) | (digest[i] & 0xFF);
			}
			return key;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
