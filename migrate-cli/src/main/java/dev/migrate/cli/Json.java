package dev.migrate.cli;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A small JSON writer for the command line's output: maps (in their iteration order),
 * collections, strings, numbers, booleans and {@code null}. Objects and arrays of objects
 * are indented by two spaces; arrays of plain values stay on one line.
 */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(out, value, 0);
		return out.toString();
	}

	private static void write(StringBuilder out, Object value, int indent) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(out, text);
		}
		else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			object(out, map, indent);
		}
		else if (value instanceof Collection<?> collection) {
			array(out, collection, indent);
		}
		else {
			throw new IllegalArgumentException("Cannot write " + value.getClass().getName() + " as JSON");
		}
	}

	private static void object(StringBuilder out, Map<?, ?> map, int indent) {
		if (map.isEmpty()) {
			out.append("{}");
			return;
		}
		out.append("{\n");
		Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
		while (entries.hasNext()) {
			Map.Entry<?, ?> entry = entries.next();
			indent(out, indent + 1);
			string(out, String.valueOf(entry.getKey()));
			out.append(": ");
			write(out, entry.getValue(), indent + 1);
			out.append(entries.hasNext() ? ",\n" : "\n");
		}
		indent(out, indent);
		out.append('}');
	}

	private static void array(StringBuilder out, Collection<?> values, int indent) {
		if (values.isEmpty()) {
			out.append("[]");
			return;
		}
		boolean nested = values.stream().anyMatch((value) -> value instanceof Map || value instanceof Collection);
		out.append(nested ? "[\n" : "[");
		Iterator<?> iterator = values.iterator();
		while (iterator.hasNext()) {
			if (nested) {
				indent(out, indent + 1);
			}
			write(out, iterator.next(), indent + 1);
			if (iterator.hasNext()) {
				out.append(nested ? ",\n" : ", ");
			}
		}
		if (nested) {
			out.append('\n');
			indent(out, indent);
		}
		out.append(']');
	}

	private static void string(StringBuilder out, String text) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				default -> {
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	private static void indent(StringBuilder out, int indent) {
		out.append("  ".repeat(indent));
	}

}
