package dev.migrate.cli;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestDatabase.Engine;
import dev.migrate.testing.TestDatabases;

/**
 * One test database per engine for a test class, emptied before each test that asks for it
 * and dropped after the class: creating and dropping a PostgreSQL database costs seconds on
 * a busy machine, emptying its schema milliseconds. Register it as a static
 * {@code @RegisterExtension} field.
 */
final class Databases implements AfterAllCallback {

	private final Map<Engine, TestDatabase> databases = new EnumMap<>(Engine.class);

	/** The command line over the engine's database, emptied, working in {@code directory}. */
	DatabaseCli cli(Engine engine, Path directory) {
		TestDatabase database = this.databases.computeIfAbsent(engine, TestDatabases::create);
		DatabaseCli cli = new DatabaseCli(database, directory);
		cli.execute((engine == Engine.H2) ? "DROP ALL OBJECTS"
				: "DROP SCHEMA public CASCADE; CREATE SCHEMA public; GRANT ALL ON SCHEMA public TO public");
		return cli;
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.databases.values().forEach(TestDatabase::close);
		this.databases.clear();
	}

}
