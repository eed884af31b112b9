package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revisions that use what PostgreSQL schemas are made of (an enum, a dollar-quoted function
 * and its trigger, partial and GIN indexes, an index built concurrently outside a
 * transaction) taken up, down and up again, online and as scripts run by psql, compared by
 * {@code pg_dump --schema-only}.
 */
@PostgresTest
class PostgresRoundTripTests {

	@TempDir
	Path dir;

	@BeforeEach
	void revisions() {
		PostgresClients.assumeInstalled();
		new RevisionFiles(this.dir.resolve("db/revisions"))
			.sql("a1", "create items", "", """
					CREATE TYPE item_status AS ENUM ('draft', 'active', 'retired');
					CREATE TABLE items (
					    id bigserial PRIMARY KEY,
					    name text NOT NULL,
					    status item_status NOT NULL DEFAULT 'draft',
					    tags text[] NOT NULL DEFAULT '{}',
					    attributes jsonb NOT NULL DEFAULT '{}',
					    updated_at timestamptz NOT NULL DEFAULT now()
					);
					INSERT INTO items (name, status) VALUES ('it''s first; really', 'active');""",
					"DROP TABLE items;\nDROP TYPE item_status;")
			.sql("b2", "touch items on update", "a1", """
					CREATE FUNCTION touch_updated_at() RETURNS trigger
					LANGUAGE plpgsql AS $$
					BEGIN
					    -- a comment; with a semicolon
					    NEW.updated_at := now();
					    RETURN NEW;
					END;
					$$;
					CREATE FUNCTION item_label(i items) RETURNS text
					LANGUAGE sql STABLE AS $label$ SELECT i.name || ' ($$; ' || i.status::text || ')' $label$;
					CREATE TRIGGER items_touch BEFORE UPDATE ON items
					    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();""",
					"DROP TRIGGER items_touch ON items;\nDROP FUNCTION item_label(items);\n"
							+ "DROP FUNCTION touch_updated_at();")
			.sql("c3", "index items", "b2", """
					CREATE INDEX items_active_name ON items (name) WHERE status = 'active';
					CREATE INDEX items_tags ON items USING gin (tags);
					CREATE INDEX items_attributes ON items USING gin (attributes jsonb_path_ops);""",
					"DROP INDEX items_attributes;\nDROP INDEX items_tags;\nDROP INDEX items_active_name;")
			.sql("d4", "index items by update time", "c3",
					"CREATE INDEX CONCURRENTLY items_updated_at ON items (updated_at);",
					"DROP INDEX CONCURRENTLY items_updated_at;", "-- Transactional: false");
	}

	@Test
	void upgradeDowngradeUpgradeGivesTheSameSchema(TestDatabase database) {
		DatabaseCli db = new DatabaseCli(database, this.dir);
		String empty = PostgresClients.schema(database);
		db.ok("upgrade", "heads");
		String upgraded = PostgresClients.schema(database);
		assertThat(upgraded).contains("CREATE TYPE public.item_status AS ENUM",
				"CREATE FUNCTION public.touch_updated_at()",
				"CREATE TRIGGER items_touch", "WHERE (status = 'active'::public.item_status)", "USING gin (tags)",
				"CREATE INDEX items_updated_at");
		assertThat(db.strings("SELECT item_label(items) FROM items"))
			.containsExactly("it's first; really ($$; active)");
		db.execute("UPDATE items SET name = 'renamed'");

		db.ok("downgrade", "base");
		assertThat(db.versions()).isEmpty();
		assertThat(db.tables()).containsExactly("migrate_history", "migrate_version");
		assertThat(PostgresClients.schema(database)).doesNotContain("item");

		db.ok("upgrade", "heads");
		assertThat(PostgresClients.schema(database)).isEqualTo(upgraded).isNotEqualTo(empty);
		assertThat(db.strings("SELECT revision || ' ' || operation FROM migrate_history ORDER BY 1")).hasSize(12);
	}

	@Test
	void offlineScriptRunByPsqlGivesTheSchemaOfTheOnlineUpgrade(TestDatabase database) throws IOException {
		DatabaseCli db = new DatabaseCli(database, this.dir);
		Path upgrade = Files.writeString(this.dir.resolve("upgrade.sql"),
				db.ok("upgrade", "base:heads", "--sql").out());
		Path downgrade = Files.writeString(this.dir.resolve("downgrade.sql"),
				db.ok("downgrade", "heads:base", "--sql").out());
		assertThat(db.tables()).isEmpty();
		db.ok("upgrade", "heads");
		String online = PostgresClients.schema(database);
		db.ok("downgrade", "base");
		String onlineBase = PostgresClients.schema(database);

		try (TestDatabase offline = TestDatabases.postgres()) {
			PostgresClients.psql(offline, upgrade);
			assertThat(PostgresClients.schema(offline)).isEqualTo(online);
			DatabaseCli offlineDb = new DatabaseCli(offline, this.dir);
			assertThat(offlineDb.versions()).containsExactly("d4");
			assertThat(offlineDb.ok("check").out()).isEqualTo("The database is at the heads: d4\n");

			PostgresClients.psql(offline, downgrade);
			assertThat(PostgresClients.schema(offline)).isEqualTo(onlineBase);
			assertThat(offlineDb.versions()).isEmpty();
		}
	}

	@Test
	void scriptsOfConsecutiveRangesBuildTheSchemaOfTheWholeRange(TestDatabase database) throws IOException {
		DatabaseCli db = new DatabaseCli(database, this.dir);
		Path first = Files.writeString(this.dir.resolve("first.sql"), db.ok("upgrade", "b2", "--sql").out());
		Path second = Files.writeString(this.dir.resolve("second.sql"), db.ok("upgrade", "b2:heads", "--sql").out());
		PostgresClients.psql(database, first);
		assertThat(db.versions()).containsExactly("b2");
		PostgresClients.psql(database, second);
		assertThat(db.versions()).containsExactly("d4");
		assertThat(db.ok("current").out()).isEqualTo("d4 (head)\n");
		db.ok("downgrade", "base");
		assertThat(db.tables()).containsExactly("migrate_history", "migrate_version");
	}

}
