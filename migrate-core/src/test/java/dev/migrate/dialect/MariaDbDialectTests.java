package dev.migrate.dialect;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MariaDbDialect}: what it renders, what it needs to know, and on a real
 * MariaDB server the shared scenarios.
 */
class MariaDbDialectTests extends AbstractDialectTests {

	private static final Dialect dialect = MariaDbDialect.INSTANCE;

	@Override
	Scratch create() {
		return Scratch.mariadb();
	}

	@Test
	void quotesWithBackticksAndEscapesBackslashes() {
		assertThat(dialect.quote("order")).isEqualTo("`order`");
		assertThat(dialect.quote("a`b")).isEqualTo("`a``b`");
		assertThat(dialect.quote("Products")).isEqualTo("`Products`");
		assertThat(dialect.literal("it's \\")).isEqualTo("'it''s \\\\'");
		assertThat(dialect.literal(OffsetDateTime.of(2024, 1, 15, 10, 30, 0, 0, ZoneOffset.ofHours(2))))
			.isEqualTo("TIMESTAMP '2024-01-15 08:30:00'");
		assertThat(dialect.beginTransaction()).isEqualTo("START TRANSACTION");
	}

	@Test
	void rendersCommentsInlineAndExpressionDefaultsInParentheses() {
		assertThat(render(dialect, (op) -> op.createTable("notes",
				(t) -> t.column("id", Type.uuid(), (c) -> c.primaryKey().defaultExpression("uuid()"))
					.column("body", Type.text(), (c) -> c.comment("it's"))
					.comment("notes")))).containsExactly("""
							CREATE TABLE notes (
								id CHAR(36) DEFAULT (uuid()) NOT NULL,
								body LONGTEXT COMMENT 'it''s',
								PRIMARY KEY (id)
							) COMMENT = 'notes'""");
	}

	@Test
	void restatesColumnDefinitionFromExistingValues() {
		assertThat(render(dialect, (op) -> op.alterColumn("users", "role", (c) -> c.notNull()
			.existingType(Type.string(50))
			.existingDefaultValue("viewer")
			.existingComment("role")
			.rename("kind")))).containsExactly(
					"ALTER TABLE users MODIFY COLUMN role VARCHAR(50) NOT NULL DEFAULT 'viewer' COMMENT 'role'",
					"ALTER TABLE users RENAME COLUMN role TO kind");
		assertThat(render(dialect, (op) -> op.alterColumn("users", "role", (c) -> c.defaultValue("viewer"))))
			.containsExactly("ALTER TABLE users ALTER COLUMN role SET DEFAULT 'viewer'");
	}

	@Test
	void refusesWhatItCannotKnowOrExpress() {
		assertThatExceptionOfType(DialectException.class)
			.isThrownBy(() -> render(dialect, (op) -> op.alterColumn("users", "role", (c) -> c.notNull())))
			.withMessageContaining("existingType(...)");
		assertThatExceptionOfType(DialectException.class)
			.isThrownBy(() -> render(dialect, (op) -> op.alterColumn("users", "role", (c) -> c.type(Type.string(9)))))
			.withMessageContaining("existingNullable(...)");
		assertThatExceptionOfType(DialectException.class)
			.isThrownBy(() -> render(dialect, (op) -> op.dropConstraint("fk_x", "users")))
			.withMessageContaining("DropConstraint[table=users, name=fk_x]")
			.withMessageContaining("ConstraintType.FOREIGN_KEY");
		assertThatExceptionOfType(DialectException.class)
			.isThrownBy(() -> render(dialect, (op) -> op.addColumn("users", "name", Type.string())))
			.withMessageContaining("The mariadb dialect cannot render AddColumn")
			.withMessageContaining("needs a length");
		assertThatExceptionOfType(DialectException.class)
			.isThrownBy(() -> render(dialect, (op) -> op.createIndex("ux", "users", (i) -> i.expression("lower(email)"))))
			.withMessageContaining("not expressions");
	}

	@Test
	void rendersIndexesAndConstraintDropsTheMariaDbWay() {
		assertThat(render(dialect, (op) -> {
			op.createIndex("ix_users_email", "users", List.of("email"), (i) -> i.using("hash").concurrently());
			op.dropIndex("ix_users_email", "users");
			op.dropConstraint("fk_x", "users", dev.migrate.ops.ConstraintType.FOREIGN_KEY);
			op.renameTable("users", "people");
			op.inSchema("app").renameTable("users", "people");
		})).containsExactly("CREATE INDEX ix_users_email ON users (email) USING HASH", "DROP INDEX ix_users_email ON users",
				"ALTER TABLE users DROP FOREIGN KEY fk_x", "ALTER TABLE users RENAME TO people",
				"ALTER TABLE app.users RENAME TO app.people");
	}

	@Test
	void mapsPortableTypes() {
		this.op.createTable("types", (t) -> t.column("a", Type.uuid())
			.column("b", Type.string(10))
			.column("c", Type.text())
			.column("d", Type.smallint())
			.column("e", Type.integer())
			.column("f", Type.bigint())
			.column("g", Type.numeric(5, 1))
			.column("h", Type.doublePrecision())
			.column("j", Type.bool())
			.column("k", Type.date())
			.column("l", Type.time())
			.column("m", Type.timestamp())
			.column("n", Type.timestampTz())
			.column("o", Type.json())
			.column("q", Type.bytes())
			.column("r", Type.enumType("s", "x")));
		assertThat(catalog().columns("types").values()).extracting(Catalog.ColumnInfo::type)
			.containsExactly("char", "varchar", "longtext", "smallint", "int", "bigint", "decimal", "double",
					"boolean", "date", "time", "datetime", "datetime", "longtext", "longblob", "enum");
	}

}
