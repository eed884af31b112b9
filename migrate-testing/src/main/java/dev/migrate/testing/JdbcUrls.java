package dev.migrate.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads and rewrites server JDBC URLs of the form {@code jdbc:<driver>://<hosts>/<database>?<parameters>}.
 */
final class JdbcUrls {

	private JdbcUrls() {
	}

	/**
	 * The URL naming another database on the same server, with the same parameters.
	 * @throws IllegalArgumentException if the URL does not have the expected form
	 */
	static String withDatabase(String url, String database) {
		int authorityStart = authorityStart(url);
		int authorityEnd = indexOfAny(url, "/?", authorityStart);
		int queryStart = url.indexOf('?', authorityEnd);
		String query = (queryStart >= 0) ? url.substring(queryStart) : "";
		return url.substring(0, authorityEnd) + "/" + database + query;
	}

	/** The value of a URL parameter, decoded, or {@code null} when the URL does not set it. */
	static String parameter(String url, String name) {
		int queryStart = url.indexOf('?', authorityStart(url));
		if (queryStart < 0) {
			return null;
		}
		for (String pair : url.substring(queryStart + 1).split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals >= 0) ? pair.substring(0, equals) : pair;
			if (key.equals(name)) {
				return (equals >= 0) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

	private static int authorityStart(String url) {
		int separator = url.indexOf("://");
		if (!url.startsWith("jdbc:") || separator < 0) {
			throw new IllegalArgumentException("JDBC URL '" + url + "' is not of the form "
					+ "jdbc:<driver>://<host>:<port>/<database>?<parameters>; write it that way");
		}
		return separator + 3;
	}

	private static int indexOfAny(String text, String characters, int from) {
		for (int i = from; i < text.length(); i++) {
			if (characters.indexOf(text.charAt(i)) >= 0) {
				return i;
			}
		}
		return text.length();
	}

}
