package dev.migrate.ops;

import java.util.Arrays;
import java.util.List;

/**
 * A portable column type, rendered per database by the dialect: {@code Type.uuid()} is
 * {@code uuid} on PostgreSQL and H2 and {@code CHAR(36)} on MariaDB. Use {@link #raw(String)}
 * for a type the factories do not cover ({@code tsvector}, {@code int[]}, {@code point}),
 * written as the database expects it.
 *
 * @param kind which type
 * @param length the length of a {@link Kind#STRING}, or {@code null} for none
 * @param precision the precision of a {@link Kind#NUMERIC}, or {@code null} for none
 * @param scale the scale of a {@link Kind#NUMERIC}, or {@code null} for none
 * @param name the name of an {@link Kind#ENUM} type, or the SQL of a {@link Kind#RAW} type
 * @param values the values of an {@link Kind#ENUM}, in order; empty for other kinds
 */
public record Type(Kind kind, Integer length, Integer precision, Integer scale, String name, List<String> values) {

	public Type {
		Require.notNull(kind, "kind");
		values = (values != null) ? List.copyOf(values) : List.of();
		if (length != null && length < 1) {
			throw new IllegalArgumentException("A string length must be 1 or more, was " + length);
		}
		if (precision != null && precision < 1) {
			throw new IllegalArgumentException("A numeric precision must be 1 or more, was " + precision);
		}
		if (scale != null && (scale < 0 || precision == null || scale > precision)) {
			throw new IllegalArgumentException("A numeric scale must be between 0 and the precision, was " + scale
					+ " for precision " + precision);
		}
		if (kind == Kind.ENUM) {
			Require.name(name, "enum type name");
			if (values.isEmpty()) {
				throw new IllegalArgumentException("Enum type " + name + " needs at least one value");
			}
			values.forEach((value) -> Require.notNull(value, "enum value"));
			if (values.stream().distinct().count() != values.size()) {
				throw new IllegalArgumentException("Enum type " + name + " lists a value twice: " + values);
			}
		}
		if (kind == Kind.RAW) {
			Require.text(name, "raw type");
		}
	}

	/** A UUID: {@code uuid} on PostgreSQL and H2, {@code CHAR(36)} on MariaDB. */
	public static Type uuid() {
		return of(Kind.UUID);
	}

	/**
	 * A string of at most {@code length} characters: {@code varchar(length)}.
	 * @param length the maximum length, 1 or more
	 */
	public static Type string(int length) {
		return new Type(Kind.STRING, length, null, null, null, null);
	}

	/** A string without a declared length: {@code varchar}; MariaDB needs {@link #string(int)}. */
	public static Type string() {
		return of(Kind.STRING);
	}

	/**
	 * Text of any length: {@code text} on PostgreSQL, {@code CHARACTER VARYING} on H2,
	 * {@code LONGTEXT} on MariaDB.
	 */
	public static Type text() {
		return of(Kind.TEXT);
	}

	/** A 16-bit integer: {@code smallint}. */
	public static Type smallint() {
		return of(Kind.SMALLINT);
	}

	/** A 32-bit integer: {@code integer}. */
	public static Type integer() {
		return of(Kind.INTEGER);
	}

	/** A 64-bit integer: {@code bigint}. */
	public static Type bigint() {
		return of(Kind.BIGINT);
	}

	/** An exact number with the database's default precision: {@code numeric}. */
	public static Type numeric() {
		return of(Kind.NUMERIC);
	}

	/**
	 * An exact number of {@code precision} digits, {@code scale} of them after the point:
	 * {@code numeric(precision, scale)}, SQLAlchemy's {@code Numeric(precision, scale)}.
	 * @param precision the total number of digits, 1 or more
	 * @param scale the digits after the point, between 0 and the precision
	 */
	public static Type numeric(int precision, int scale) {
		return new Type(Kind.NUMERIC, null, precision, scale, null, null);
	}

	/** A 32-bit floating-point number: {@code real}. */
	public static Type real() {
		return of(Kind.REAL);
	}

	/** A 64-bit floating-point number: {@code double precision}. */
	public static Type doublePrecision() {
		return of(Kind.DOUBLE);
	}

	/** A boolean: {@code boolean}. */
	public static Type bool() {
		return of(Kind.BOOLEAN);
	}

	/** A date without time: {@code date}. */
	public static Type date() {
		return of(Kind.DATE);
	}

	/** A time of day without zone: {@code time} ({@code TIME(6)} on MariaDB). */
	public static Type time() {
		return of(Kind.TIME);
	}

	/**
	 * A date and time without zone: {@code timestamp} ({@code DATETIME(6)} on MariaDB),
	 * SQLAlchemy's {@code DateTime()}.
	 */
	public static Type timestamp() {
		return of(Kind.TIMESTAMP);
	}

	/**
	 * An instant, a date and time with zone: {@code timestamp with time zone}, SQLAlchemy's
	 * {@code DateTime(timezone=True)}. MariaDB has no such type: it is {@code DATETIME(6)}
	 * there, holding the value as the session gives it.
	 */
	public static Type timestampTz() {
		return of(Kind.TIMESTAMP_TZ);
	}

	/** A JSON document: {@code json}. */
	public static Type json() {
		return of(Kind.JSON);
	}

	/** A JSON document in PostgreSQL's binary form, {@code jsonb}; plain {@code JSON} elsewhere. */
	public static Type jsonb() {
		return of(Kind.JSONB);
	}

	/**
	 * Binary data of any length: {@code bytea} on PostgreSQL, {@code BINARY VARYING} on H2,
	 * {@code LONGBLOB} on MariaDB.
	 */
	public static Type bytes() {
		return of(Kind.BYTES);
	}

	/**
	 * An enumerated type. On PostgreSQL it is a named type that must exist before a column
	 * uses it: create it with {@link Operations#createEnum(Type)} and drop it with
	 * {@link Operations#dropEnum(Type)}. On H2 and MariaDB it is written into the column as
	 * {@code ENUM('a', 'b')} and creating or dropping it does nothing, so one revision serves
	 * every database.
	 * @param name the type's name on PostgreSQL
	 * @param values the allowed values, in order
	 */
	public static Type enumType(String name, String... values) {
		return new Type(Kind.ENUM, null, null, null, name, Arrays.asList(values));
	}

	/**
	 * A type written as given, for whatever the factories do not cover:
	 * {@code Type.raw("tsvector")}, {@code Type.raw("integer[]")}.
	 * @param sql the type as the database spells it
	 */
	public static Type raw(String sql) {
		return new Type(Kind.RAW, null, null, null, sql, null);
	}

	private static Type of(Kind kind) {
		return new Type(kind, null, null, null, null, null);
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case STRING -> (this.length != null) ? "string(" + this.length + ")" : "string";
			case NUMERIC -> (this.precision != null) ? "numeric(" + this.precision + ", " + this.scale + ")"
					: "numeric";
			case ENUM -> "enum " + this.name + this.values;
			case RAW -> "raw(" + this.name + ")";
			case TIMESTAMP_TZ -> "timestampTz";
			case DOUBLE -> "doublePrecision";
			default -> this.kind.name().toLowerCase(java.util.Locale.ROOT);
		};
	}

	/** The kinds of portable types. */
	public enum Kind {

		/** See {@link Type#uuid()}. */
		UUID,

		/** See {@link Type#string(int)}. */
		STRING,

		/** See {@link Type#text()}. */
		TEXT,

		/** See {@link Type#smallint()}. */
		SMALLINT,

		/** See {@link Type#integer()}. */
		INTEGER,

		/** See {@link Type#bigint()}. */
		BIGINT,

		/** See {@link Type#numeric(int, int)}. */
		NUMERIC,

		/** See {@link Type#real()}. */
		REAL,

		/** See {@link Type#doublePrecision()}. */
		DOUBLE,

		/** See {@link Type#bool()}. */
		BOOLEAN,

		/** See {@link Type#date()}. */
		DATE,

		/** See {@link Type#time()}. */
		TIME,

		/** See {@link Type#timestamp()}. */
		TIMESTAMP,

		/** See {@link Type#timestampTz()}. */
		TIMESTAMP_TZ,

		/** See {@link Type#json()}. */
		JSON,

		/** See {@link Type#jsonb()}. */
		JSONB,

		/** See {@link Type#bytes()}. */
		BYTES,

		/** See {@link Type#enumType(String, String...)}. */
		ENUM,

		/** See {@link Type#raw(String)}. */
		RAW

	}

}
