package dev.migrate.ops;

import java.util.Collection;

/** Writes an operation's {@code toString}: {@code Name[field=value, ...]}, leaving out unset fields. */
final class Describer {

	private final StringBuilder text;

	private boolean first = true;

	private Describer(String name) {
		this.text = new StringBuilder(name).append('[');
	}

	static Describer of(String name) {
		return new Describer(name);
	}

	/** Adds a field unless it is null, false or an empty collection. */
	Describer add(String field, Object value) {
		if (value == null || Boolean.FALSE.equals(value) || (value instanceof Collection<?> c && c.isEmpty())) {
			return this;
		}
		return always(field, value);
	}

	/** Adds a field holding a literal value, unless it is null. */
	Describer value(String field, Object value) {
		return (value != null) ? always(field, Values.describe(value)) : this;
	}

	Describer always(String field, Object value) {
		if (!this.first) {
			this.text.append(", ");
		}
		this.first = false;
		this.text.append(field).append('=').append(value);
		return this;
	}

	@Override
	public String toString() {
		return this.text + "]";
	}

}
