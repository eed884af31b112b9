package dev.migrate.ops;

/**
 * SQL written as is where a value is expected: a server default such as {@code now()} or
 * {@code gen_random_uuid()}, or a computed value in {@link Operations#bulkInsert}. Any other
 * value is rendered as an escaped literal. The equivalent of SQLAlchemy's {@code sa.text()}.
 *
 * <pre>{@code
 * c.defaultValue(Expression.sql("now()"))   // DEFAULT now()
 * c.defaultValue("now()")                   // DEFAULT 'now()', a string
 * }</pre>
 *
 * @param sql the SQL expression, trusted as written by the revision's author
 */
public record Expression(String sql) {

	public Expression {
		Require.text(sql, "expression");
	}

	/**
	 * An SQL expression.
	 * @param sql the expression as the database reads it
	 */
	public static Expression sql(String sql) {
		return new Expression(sql);
	}

	@Override
	public String toString() {
		return this.sql;
	}

}
