package dev.migrate.version;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.migrate.dialect.Dialect;

/**
 * A boolean SQL expression and the string parameters of its {@code ?} markers, in order: how
 * the version store asks whether a table exists, written so that another statement can carry
 * it (the migration lock's first statement asks it beside taking the lock).
 *
 * <p>Internal to the engine; not an API for applications.
 *
 * @param sql the expression, in parentheses where it needs them
 * @param parameters its parameters (a {@code null} one is bound as SQL {@code NULL})
 */
public record Condition(String sql, List<String> parameters) {

	public Condition {
		// a copy that keeps nulls, which List.copyOf refuses
		parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
	}

	/**
	 * Whether the parameters can be written into the statement as literals with the same
	 * meaning on every server: not when one holds a backslash, which MariaDB and MySQL read as
	 * an escape or as data depending on the session's {@code NO_BACKSLASH_ESCAPES} mode.
	 */
	boolean inlinable() {
		for (String parameter : this.parameters) {
			if (parameter != null && parameter.indexOf('\\') >= 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The expression with its parameters written in as literals, for a plain statement: a
	 * connection's first prepared statement costs its driver's classes and code for them.
	 * Only for an {@link #inlinable()} condition; the expression holds no {@code ?} but its
	 * markers.
	 * @param dialect renders the literals, escaped
	 */
	String inline(Dialect dialect) {
		StringBuilder sql = new StringBuilder(this.sql.length() + 32 * this.parameters.size());
		int parameter = 0;
		for (int i = 0; i < this.sql.length(); i++) {
			char c = this.sql.charAt(i);
			if (c != '?') {
				sql.append(c);
			}
			else if (parameter < this.parameters.size()) {
				sql.append(dialect.literal(this.parameters.get(parameter++)));
			}
			else {
				throw markersNotMatched();
			}
		}
		if (parameter != this.parameters.size()) {
			throw markersNotMatched();
		}
		return sql.toString();
	}

	private IllegalStateException markersNotMatched() {
		long markers = this.sql.chars().filter((c) -> c == '?').count();
		return new IllegalStateException(
				this.parameters.size() + " parameters for " + markers + " markers in " + this.sql);
	}

	/**
	 * Binds the parameters to a statement that carries the expression.
	 * @param first the index of the expression's first {@code ?} in the statement
	 * @return the index after its last one
	 */
	public int bind(PreparedStatement statement, int first) throws SQLException {
		int index = first;
		for (String parameter : this.parameters) {
			statement.setString(index++, parameter);
		}
		return index;
	}

}
