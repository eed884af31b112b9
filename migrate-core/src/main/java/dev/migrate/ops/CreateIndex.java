package dev.migrate.ops;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Creates an index: Alembic's {@code op.create_index}, with its PostgreSQL options. Built by
 * the {@code createIndex} methods of {@link Operations}.
 *
 * @param schema the table's schema (the index's too), or {@code null} for the default
 * @param table the table's name
 * @param name the index's name
 * @param elements what the index covers, in order: columns and expressions
 * @param unique whether the index is unique
 * @param where the condition of a partial index, as SQL, or {@code null}; PostgreSQL only
 * (Alembic's {@code postgresql_where})
 * @param using the index method ({@code gin}, {@code gist}, {@code hash}...), or {@code null}
 * for the default (Alembic's {@code postgresql_using})
 * @param include columns stored in the index without being keys; PostgreSQL only
 * (Alembic's {@code postgresql_include})
 * @param concurrently whether to build without locking out writes; the revision must then be
 * non-transactional (Alembic's {@code postgresql_concurrently})
 * @param ifNotExists whether to do nothing when an index of that name exists
 */
public record CreateIndex(String schema, String table, String name, List<Element> elements, boolean unique,
		String where, String using, List<String> include, boolean concurrently, boolean ifNotExists)
		implements Operation {

	public CreateIndex {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		Require.name(name, "index name");
		elements = List.copyOf(Require.notNull(elements, "elements of index " + name));
		if (elements.isEmpty()) {
			throw new IllegalArgumentException("Index " + name + " needs at least one column or expression");
		}
		if (where != null) {
			Require.text(where, "where condition of index " + name);
		}
		if (using != null) {
			Require.text(using, "method of index " + name);
		}
		include = Require.namesOrNone(include, "included column of index " + name);
	}

	/** Whether any element is an expression rather than a column. */
	public boolean hasExpressions() {
		return this.elements.stream().anyMatch((element) -> element.expression() != null);
	}

	@Override
	public String toString() {
		return Describer.of("CreateIndex")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("name", this.name)
			.always("elements", this.elements)
			.add("unique", this.unique)
			.add("where", this.where)
			.add("using", this.using)
			.add("include", this.include)
			.add("concurrently", this.concurrently)
			.add("ifNotExists", this.ifNotExists)
			.toString();
	}

	/**
	 * One key of an index: a column, or an SQL expression such as {@code lower(email)}.
	 *
	 * @param column the column's name, or {@code null} for an expression
	 * @param expression the expression, or {@code null} for a column
	 * @param descending whether the key sorts descending
	 */
	public record Element(String column, String expression, boolean descending) {

		public Element {
			if ((column == null) == (expression == null)) {
				throw new IllegalArgumentException("An index element is a column or an expression, not "
						+ ((column == null) ? "neither" : "both"));
			}
			Require.optionalName(column, "index column");
			if (expression != null) {
				Require.text(expression, "index expression");
			}
		}

		/**
		 * A column, ascending.
		 * @param name the column's name
		 */
		public static Element column(String name) {
			return new Element(name, null, false);
		}

		/**
		 * An expression, ascending: {@code lower(email)}.
		 * @param sql the expression
		 */
		public static Element expression(String sql) {
			return new Element(null, sql, false);
		}

		@Override
		public String toString() {
			String key = (this.column != null) ? this.column : "(" + this.expression + ")";
			return this.descending ? key + " DESC" : key;
		}

	}

	/**
	 * Sets an index's keys and options; each method returns the builder.
	 *
	 * <pre>{@code
	 * op.createIndex("ix_orders_pending", "orders", List.of("created_at"), i -> i.where("status = 'pending'"));
	 * op.createIndex("ix_products_search_vector", "products", List.of("search_vector"), i -> i.using("gin"));
	 * op.createIndex("ux_users_email", "users", i -> i.expression("lower(email)").unique());
	 * }</pre>
	 */
	public static final class Builder {

		private final String schema;

		private final String table;

		private final String name;

		private final List<Element> elements = new ArrayList<>();

		private boolean unique;

		private String where;

		private String using;

		private final List<String> include = new ArrayList<>();

		private boolean concurrently;

		private boolean ifNotExists;

		Builder(String schema, String table, String name) {
			this.schema = schema;
			this.table = table;
			this.name = name;
		}

		/**
		 * Adds columns as keys, ascending.
		 * @param columns the columns' names
		 */
		public Builder columns(String... columns) {
			for (String column : columns) {
				this.elements.add(Element.column(column));
			}
			return this;
		}

		/**
		 * Adds a column as a key sorting descending.
		 * @param column the column's name
		 */
		public Builder descending(String column) {
			this.elements.add(new Element(column, null, true));
			return this;
		}

		/**
		 * Adds an expression as a key: {@code expression("lower(email)")}. PostgreSQL only.
		 * @param sql the expression
		 */
		public Builder expression(String sql) {
			this.elements.add(Element.expression(sql));
			return this;
		}

		/** Makes the index unique. */
		public Builder unique() {
			this.unique = true;
			return this;
		}

		/**
		 * Makes it a partial index over the rows meeting a condition: Alembic's
		 * {@code postgresql_where}. PostgreSQL only.
		 * @param condition the condition, as SQL: {@code status = 'pending'}
		 */
		public Builder where(String condition) {
			this.where = condition;
			return this;
		}

		/**
		 * The index method: Alembic's {@code postgresql_using}, such as {@code gin} for a
		 * {@code tsvector} or {@code jsonb} column.
		 * @param method the method's name
		 */
		public Builder using(String method) {
			this.using = method;
			return this;
		}

		/**
		 * Columns stored in the index without being keys (a covering index): Alembic's
		 * {@code postgresql_include}. PostgreSQL only.
		 * @param columns the columns' names
		 */
		public Builder include(String... columns) {
			this.include.addAll(Arrays.asList(columns));
			return this;
		}

		/**
		 * Builds the index without blocking writes ({@code CREATE INDEX CONCURRENTLY}),
		 * Alembic's {@code postgresql_concurrently}. Such a statement cannot run in a
		 * transaction, so the revision must be declared {@code @Revision(transactional = false)};
		 * a transactional one is refused before anything runs. Other databases build the
		 * index as they always do.
		 */
		public Builder concurrently() {
			this.concurrently = true;
			return this;
		}

		/** Does nothing when an index of that name exists ({@code IF NOT EXISTS}). */
		public Builder ifNotExists() {
			this.ifNotExists = true;
			return this;
		}

		CreateIndex build() {
			return new CreateIndex(this.schema, this.table, this.name, this.elements, this.unique, this.where,
					this.using, this.include, this.concurrently, this.ifNotExists);
		}

	}

}
