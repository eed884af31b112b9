package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A strict little JSON parser for checking what the command line prints. */
final class JsonParser {

	private final String text;

	private int position;

	private JsonParser(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		JsonParser parser = new JsonParser(text);
		Object value = parser.value();
		parser.whitespace();
		if (parser.position != text.length()) {
			throw parser.error("trailing text");
		}
		return value;
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> parseArrayOfObjects(String text) {
		return (List<Map<String, Object>>) parse(text);
	}

	private Object value() {
		whitespace();
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		char c = this.text.charAt(this.position);
		return switch (c) {
			case '{' -> object();
			case '[' -> array();
			case '"' -> string();
			case 't' -> literal("true", Boolean.TRUE);
			case 'f' -> literal("false", Boolean.FALSE);
			case 'n' -> literal("null", null);
			default -> number();
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> object = new LinkedHashMap<>();
		expect('{');
		whitespace();
		if (peek('}')) {
			expect('}');
			return object;
		}
		do {
			whitespace();
			String key = string();
			whitespace();
			expect(':');
			if (object.put(key, value()) != null) {
				throw error("duplicate key " + key);
			}
			whitespace();
		}
		while (tryConsume(','));
		expect('}');
		return object;
	}

	private List<Object> array() {
		List<Object> array = new ArrayList<>();
		expect('[');
		whitespace();
		if (peek(']')) {
			expect(']');
			return array;
		}
		do {
			array.add(value());
			whitespace();
		}
		while (tryConsume(','));
		expect(']');
		return array;
	}

	private String string() {
		expect('"');
		StringBuilder out = new StringBuilder();
		while (true) {
			if (this.position >= this.text.length()) {
				throw error("unterminated string");
			}
			char c = this.text.charAt(this.position++);
			if (c == '"') {
				return out.toString();
			}
			if (c < 0x20) {
				throw error("control character in string");
			}
			if (c != '\\') {
				out.append(c);
				continue;
			}
			char escape = this.text.charAt(this.position++);
			switch (escape) {
				case '"', '\\', '/' -> out.append(escape);
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'b' -> out.append('\b');
				case 'f' -> out.append('\f');
				case 'u' -> {
					out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
					this.position += 4;
				}
				default -> throw error("bad escape \\" + escape);
			}
		}
	}

	private Object literal(String word, Object value) {
		if (!this.text.startsWith(word, this.position)) {
			throw error("expected " + word);
		}
		this.position += word.length();
		return value;
	}

	private Object number() {
		int start = this.position;
		while (this.position < this.text.length() && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
		if (start == this.position) {
			throw error("unexpected character");
		}
		return Double.parseDouble(this.text.substring(start, this.position));
	}

	private void whitespace() {
		while (this.position < this.text.length() && " \t\r\n".indexOf(this.text.charAt(this.position)) >= 0) {
			this.position++;
		}
	}

	private boolean peek(char c) {
		return this.position < this.text.length() && this.text.charAt(this.position) == c;
	}

	private boolean tryConsume(char c) {
		if (peek(c)) {
			this.position++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!tryConsume(c)) {
			throw error("expected '" + c + "'");
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException(message + " at " + this.position + " in " + this.text);
	}

}
