package dev.migrate.ops;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.UUID;

/** The values a revision may hand over as literals: checked when recorded, described in {@code toString}. */
final class Values {

	private Values() {
	}

	/**
	 * Checks that a dialect can render the value as a literal.
	 * @return the value, a byte array copied
	 */
	static Object literal(Object value, String what) {
		if (value == null || value instanceof String || value instanceof Character || value instanceof Boolean
				|| value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
				|| value instanceof BigInteger || value instanceof BigDecimal || value instanceof UUID
				|| value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime
				|| value instanceof OffsetDateTime || value instanceof ZonedDateTime || value instanceof Instant
				|| value instanceof Enum || value instanceof Expression) {
			if (value instanceof String string && string.indexOf('\0') >= 0) {
				throw new IllegalArgumentException(
						what + " contains a NUL character, which databases do not store in text");
			}
			return value;
		}
		if (value instanceof Double || value instanceof Float) {
			double number = ((Number) value).doubleValue();
			if (Double.isNaN(number) || Double.isInfinite(number)) {
				throw new IllegalArgumentException(what + " is " + value + ": only finite numbers render as literals");
			}
			return value;
		}
		if (value instanceof byte[] bytes) {
			return bytes.clone();
		}
		throw new IllegalArgumentException(what + " is a " + value.getClass().getName()
				+ ", which has no SQL literal: use a String, number, Boolean, UUID, java.time value, byte[], enum or"
				+ " Expression.sql(...)");
	}

	/** The value as {@code toString} shows it: strings quoted, expressions as written. */
	static String describe(Object value) {
		if (value instanceof String || value instanceof Character || value instanceof UUID || value instanceof Enum) {
			return "'" + value + "'";
		}
		if (value instanceof byte[] bytes) {
			return "0x" + HexFormat.of().formatHex(bytes);
		}
		return String.valueOf(value);
	}

}
