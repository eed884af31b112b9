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
	 * The expression with its parameters written in as literals, for a plain statement: a
	 * connection's first prepared statement costs its driver's classes and code for them.
	 * @param dialect renders the literals, escaped
	 */
	public String inline(Dialect dialect) {
		StringBuilder sql = new StringBuilder(this.sql.length() + 32 * this.parameters.size());
		int parameter = 0;
		for (int i = 0; i < this.sql.length(); i++) {
			char c = this.sql.charAt(i);
			if (c == '?') {
				sql.append(dialect.literal(this.parameters.get(parameter++)));
			}
			else {
				sql.append(c);
			}
		}
		return sql.toString();
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
