package dev.migrate.ops;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.migrate.dialect.Dialect;

/**
 * What a revision does to the database, Alembic's {@code op} for Java. Each call records an
 * immutable {@link Operation} that runs online at once (so a later call sees an earlier
 * one's effect) or renders into an offline script; the revision's {@link Dialect} writes
 * the SQL for its database.
 *
 * <pre>{@code
 * @Revision(id = "abc123", revises = "def456", message = "add products table")
 * public class AddProducts implements Migration {
 *
 *     public void upgrade(Operations op) {
 *         op.createTable("products", t -> t
 *             .column("id", Type.uuid(), c -> c.notNull())
 *             .column("name", Type.string(200), c -> c.notNull())
 *             .column("price", Type.numeric(10, 2), c -> c.notNull())
 *             .column("category_id", Type.uuid(), c -> c.notNull())
 *             .column("created_at", Type.timestampTz(), c -> c.notNull().defaultExpression("now()"))
 *             .foreignKey(List.of("category_id"), "categories", List.of("id"), fk -> fk.onDelete(RESTRICT))
 *             .primaryKey("id"));
 *         op.createIndex("ix_products_category_id", "products", "category_id");
 *     }
 *
 *     public void downgrade(Operations op) {
 *         op.dropIndex("ix_products_category_id", "products");
 *         op.dropTable("products");
 *     }
 *
 * }
 * }</pre>
 *
 * Names given to these methods are identifiers, quoted by the dialect where they must be
 * (reserved words, capitals, special characters); values are rendered as escaped literals.
 * SQL fragments ({@code where}, check conditions, {@code using}, {@link Expression}s and
 * {@link #execute(String)}) are written as given: they are code, like the revision.
 */
public interface Operations {

	/**
	 * The dialect of the database the revision runs on, so that a revision can branch per
	 * database as Alembic revisions do:
	 * {@code if (op.dialect().name().equals(Dialect.POSTGRESQL)) { ... }}.
	 */
	Dialect dialect();

	/**
	 * Whether the revision is being rendered rather than run (an offline {@code --sql} script
	 * or a dry run): Alembic's {@code context.is_offline_mode()}. {@link #jdbc()} is not
	 * available then.
	 */
	boolean isOffline();

	/**
	 * These operations with every table, index, type and extension placed in a schema:
	 * Alembic's {@code schema=} argument. {@code op.inSchema("billing").dropTable("invoices")}.
	 * @param schema the schema's name
	 */
	Operations inSchema(String schema);

	// tables

	/**
	 * Creates a table: Alembic's {@code op.create_table}.
	 * <pre>{@code
	 * op.createTable("permissions", t -> t
	 *     .column("id", Type.uuid(), c -> c.primaryKey().defaultExpression("gen_random_uuid()"))
	 *     .column("user_id", Type.uuid(), c -> c.notNull())
	 *     .column("permission", Type.string(50), c -> c.notNull())
	 *     .foreignKey(List.of("user_id"), "users", List.of("id"), fk -> fk.onDelete(CASCADE)));
	 * }</pre>
	 * @param table the table's name
	 * @param definition adds the columns, constraints and comment
	 */
	void createTable(String table, Consumer<CreateTable.Builder> definition);

	/**
	 * Drops a table: Alembic's {@code op.drop_table}.
	 * @param table the table's name
	 */
	void dropTable(String table);

	/**
	 * Renames a table: Alembic's {@code op.rename_table}.
	 * @param table the table's current name
	 * @param newName its new name
	 */
	void renameTable(String table, String newName);

	/**
	 * Sets a table's comment: Alembic's {@code op.create_table_comment}.
	 * @param table the table's name
	 * @param comment the comment
	 */
	void createTableComment(String table, String comment);

	/**
	 * Removes a table's comment: Alembic's {@code op.drop_table_comment}.
	 * @param table the table's name
	 */
	void dropTableComment(String table);

	// columns

	/**
	 * Adds a nullable column without default: Alembic's {@code op.add_column}.
	 * @param table the table's name
	 * @param column the column's name
	 * @param type its type
	 */
	void addColumn(String table, String column, Type type);

	/**
	 * Adds a column with options:
	 * {@code op.addColumn("orders", "status", ORDER_STATUS, c -> c.notNull().defaultValue("pending"))}.
	 * @param table the table's name
	 * @param column the column's name
	 * @param type its type
	 * @param options sets nullability, default, comment
	 */
	void addColumn(String table, String column, Type type, Consumer<Column.Builder> options);

	/**
	 * Drops a column: Alembic's {@code op.drop_column}.
	 * @param table the table's name
	 * @param column the column's name
	 */
	void dropColumn(String table, String column);

	/**
	 * Changes a column's type, nullability, server default, comment or name: Alembic's
	 * {@code op.alter_column}.
	 * <pre>{@code
	 * op.alterColumn("users", "role", c -> c.notNull().defaultValue("viewer"));
	 * op.alterColumn("products", "price", c -> c.type(Type.numeric(12, 2)).using("price::numeric(12, 2)"));
	 * }</pre>
	 * On MariaDB, a change of type, nullability or comment restates the column, so give what
	 * it is now with {@code existingType(...)} and {@code existingNullable(...)}.
	 * @param table the table's name
	 * @param column the column's current name
	 * @param changes sets what changes
	 */
	void alterColumn(String table, String column, Consumer<AlterColumn.Builder> changes);

	/**
	 * Renames a column: {@code alterColumn(table, column, c -> c.rename(newName))}.
	 * @param table the table's name
	 * @param column the column's current name
	 * @param newName its new name
	 */
	void renameColumn(String table, String column, String newName);

	// indexes

	/**
	 * Creates an index over columns: Alembic's {@code op.create_index("ix_name", "table", ["col"])}.
	 * @param index the index's name
	 * @param table the table's name
	 * @param columns the indexed columns, in order
	 */
	void createIndex(String index, String table, String... columns);

	/**
	 * Creates an index over columns with options:
	 * {@code op.createIndex("ix_orders_pending", "orders", List.of("created_at"), i -> i.where("status = 'pending'"))}.
	 * @param index the index's name
	 * @param table the table's name
	 * @param columns the indexed columns, in order
	 * @param options sets uniqueness, {@code where}, {@code using}, {@code include}, {@code concurrently}
	 */
	void createIndex(String index, String table, List<String> columns, Consumer<CreateIndex.Builder> options);

	/**
	 * Creates an index defined by its builder, for keys that are expressions or sort
	 * descending: {@code op.createIndex("ux_users_email", "users", i -> i.expression("lower(email)").unique())}.
	 * @param index the index's name
	 * @param table the table's name
	 * @param definition adds the keys and sets the options
	 */
	void createIndex(String index, String table, Consumer<CreateIndex.Builder> definition);

	/**
	 * Drops an index: Alembic's {@code op.drop_index("ix_name", table_name="table")}.
	 * @param index the index's name
	 * @param table its table's name
	 */
	void dropIndex(String index, String table);

	/**
	 * Drops an index with options: {@code op.dropIndex("ix_name", "table", i -> i.concurrently())}.
	 * @param index the index's name
	 * @param table its table's name
	 * @param options sets {@code concurrently} and {@code ifExists}
	 */
	void dropIndex(String index, String table, Consumer<DropIndex.Builder> options);

	// constraints

	/**
	 * Adds a foreign key: Alembic's {@code op.create_foreign_key}.
	 * @param name the constraint's name, or {@code null} to let the database name it
	 * @param table the referencing table
	 * @param referentTable the referenced table
	 * @param columns the referencing columns
	 * @param referentColumns the referenced columns
	 */
	void createForeignKey(String name, String table, String referentTable, List<String> columns,
			List<String> referentColumns);

	/**
	 * Adds a foreign key with options:
	 * <pre>{@code
	 * op.createForeignKey("fk_orders_user", "orders", "users", List.of("user_id"), List.of("id"),
	 *         fk -> fk.onDelete(CASCADE));
	 * }</pre>
	 * @param name the constraint's name, or {@code null} to let the database name it
	 * @param table the referencing table
	 * @param referentTable the referenced table
	 * @param columns the referencing columns
	 * @param referentColumns the referenced columns
	 * @param options sets the actions, the referenced schema and deferral
	 */
	void createForeignKey(String name, String table, String referentTable, List<String> columns,
			List<String> referentColumns, Consumer<ForeignKeyConstraint.Builder> options);

	/**
	 * Adds a unique constraint: Alembic's {@code op.create_unique_constraint}.
	 * @param name the constraint's name, or {@code null} to let the database name it
	 * @param table the table's name
	 * @param columns its columns
	 */
	void createUniqueConstraint(String name, String table, String... columns);

	/**
	 * Adds a check constraint: Alembic's {@code op.create_check_constraint}.
	 * @param name the constraint's name, or {@code null} to let the database name it
	 * @param table the table's name
	 * @param condition the condition, as SQL: {@code price >= 0}
	 */
	void createCheckConstraint(String name, String table, String condition);

	/**
	 * Adds a primary key: Alembic's {@code op.create_primary_key}.
	 * @param name the constraint's name, or {@code null} to let the database name it
	 * @param table the table's name
	 * @param columns its columns
	 */
	void createPrimaryKey(String name, String table, String... columns);

	/**
	 * Drops a named constraint: Alembic's {@code op.drop_constraint}. MariaDB needs the
	 * constraint's type: use {@link #dropConstraint(String, String, ConstraintType)} for
	 * revisions that run there.
	 * @param name the constraint's name
	 * @param table the table's name
	 */
	void dropConstraint(String name, String table);

	/**
	 * Drops a named constraint of a known type: Alembic's {@code op.drop_constraint(..., type_="foreignkey")}.
	 * @param name the constraint's name
	 * @param table the table's name
	 * @param type the constraint's type
	 */
	void dropConstraint(String name, String table, ConstraintType type);

	// enums and extensions

	/**
	 * Creates an enumerated type ({@code CREATE TYPE ... AS ENUM} on PostgreSQL, nothing where
	 * enums are written into the column): SQLAlchemy's {@code postgresql.ENUM(...).create()}.
	 * @param enumType the type, from {@link Type#enumType(String, String...)}
	 */
	void createEnum(Type enumType);

	/**
	 * Drops an enumerated type ({@code DROP TYPE} on PostgreSQL, nothing where enums are
	 * written into the column): SQLAlchemy's {@code postgresql.ENUM(...).drop()}.
	 * @param enumType the type, from {@link Type#enumType(String, String...)}
	 */
	void dropEnum(Type enumType);

	/**
	 * Adds a value at the end of a PostgreSQL enumerated type ({@code ALTER TYPE ... ADD VALUE}).
	 * The new value cannot be used before the transaction that adds it commits, and servers
	 * before PostgreSQL 12 refuse the statement in a transaction: see {@link AddEnumValue}.
	 * @param enumName the type's name
	 * @param value the new value
	 */
	void addEnumValue(String enumName, String value);

	/**
	 * Adds a value to a PostgreSQL enumerated type, placed with options:
	 * {@code op.addEnumValue("order_status", "returned", v -> v.after("delivered").ifNotExists())}.
	 * @param enumName the type's name
	 * @param value the new value
	 * @param options sets {@code before}, {@code after} and {@code ifNotExists}
	 */
	void addEnumValue(String enumName, String value, Consumer<AddEnumValue.Builder> options);

	/**
	 * Installs a PostgreSQL extension unless it is: {@code CREATE EXTENSION IF NOT EXISTS "uuid-ossp"}.
	 * Other databases refuse it; branch on {@link #dialect()}.
	 * @param name the extension's name
	 */
	void createExtension(String name);

	/**
	 * Removes a PostgreSQL extension if it is installed: {@code DROP EXTENSION IF EXISTS ...}.
	 * @param name the extension's name
	 */
	void dropExtension(String name);

	// SQL and data

	/**
	 * Executes SQL: one statement, or several separated by semicolons (split with the same
	 * rules as SQL revision files, so dollar-quoted bodies stay whole).
	 * @param sql the SQL text
	 */
	void execute(String sql);

	/**
	 * Inserts rows: Alembic's {@code op.bulk_insert}. Values are rendered as escaped
	 * literals, so this works offline too.
	 * <pre>{@code
	 * op.bulkInsert("roles", List.of("id", "name"), List.of(List.of(1, "admin"), List.of(2, "editor")));
	 * }</pre>
	 * @param table the table's name
	 * @param columns the columns each row gives values for
	 * @param rows the rows, each with one value per column: {@code null}, strings, numbers,
	 * booleans, UUIDs, {@code java.time} values, byte arrays, enums or {@link Expression}s
	 */
	void bulkInsert(String table, List<String> columns, List<? extends List<?>> rows);

	/**
	 * Inserts rows given as maps from column to value, Alembic's
	 * {@code op.bulk_insert(table, [{"id": 1, "name": "admin"}])}; every row names the same
	 * columns, in the first row's order.
	 * @param table the table's name
	 * @param rows the rows
	 */
	void bulkInsert(String table, List<? extends Map<String, ?>> rows);

	/**
	 * Reads and writes rows on the live connection, inside the revision's transaction:
	 * Alembic's {@code op.get_bind()}, for data migrations.
	 * @return the helper over the migration connection
	 * @throws dev.migrate.MigrateException naming the revision when it runs offline
	 * ({@code --sql}) or as a dry run, where there is no live database
	 */
	Jdbc jdbc();

}
