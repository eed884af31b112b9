package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Java revisions written with the Operations API, compiled into a jar and into a classes
 * directory, run by the built {@code migrate-cli.jar} from {@code --classpath}: rendered
 * offline with {@code --sql}, and applied and reverted on PostgreSQL.
 */
class JavaRevisionsIT {

	private static final String CATEGORIES = """
			package db.revisions;

			import dev.migrate.Migration;
			import dev.migrate.Revision;
			import dev.migrate.ops.Operations;
			import dev.migrate.ops.Type;

			@Revision(id = "a1", message = "create categories")
			public class CreateCategories_a1 implements Migration {

				@Override
				public void upgrade(Operations op) {
					op.createTable("categories", (table) -> table
						.column("id", Type.bigint(), (column) -> column.primaryKey())
						.column("name", Type.string(100), (column) -> column.notNull().unique()));
					op.bulkInsert("categories", java.util.List.of("id", "name"),
							java.util.List.of(java.util.List.of(1, "books"), java.util.List.of(2, "it's games")));
				}

				@Override
				public void downgrade(Operations op) {
					op.dropTable("categories");
				}

			}
			""";

	private static final String PRODUCTS = """
			package db.revisions;

			import dev.migrate.Migration;
			import dev.migrate.Revision;
			import dev.migrate.ops.Operations;
			import dev.migrate.ops.Type;

			@Revision(id = "b2", revises = "a1", message = "create products")
			public class CreateProducts_b2 implements Migration {

				@Override
				public void upgrade(Operations op) {
					op.createTable("products", (table) -> table
						.column("id", Type.bigint(), (column) -> column.primaryKey())
						.column("category_id", Type.bigint(), (column) -> column.notNull())
						.column("price", Type.numeric(10, 2), (column) -> column.notNull().defaultValue(0)));
					op.createIndex("ix_products_category_id", "products", "category_id");
				}

				@Override
				public void downgrade(Operations op) {
					op.dropIndex("ix_products_category_id", "products");
					op.dropTable("products");
				}

			}
			""";

	@TempDir
	Path dir;

	private Path classes;

	private Path jar;

	@BeforeEach
	void compileRevisions() throws IOException {
		MigrateJar.assertBuilt();
		Path sources = Files.createDirectories(this.dir.resolve("src/db/revisions"));
		Files.writeString(sources.resolve("CreateCategories_a1.java"), CATEGORIES);
		Files.writeString(sources.resolve("CreateProducts_b2.java"), PRODUCTS);
		this.classes = Files.createDirectories(this.dir.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		int status = compiler.run(null, null, null, "-d", this.classes.toString(), "-classpath",
				System.getProperty("java.class.path"), sources.resolve("CreateCategories_a1.java").toString(),
				sources.resolve("CreateProducts_b2.java").toString());
		assertThat(status).as("javac").isZero();
		this.jar = this.dir.resolve("revisions.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(this.jar));
				Stream<Path> files = Files.walk(this.classes)) {
			for (Path file : files.sorted().toList()) {
				String name = this.classes.relativize(file).toString().replace('\\', '/');
				if (name.isEmpty()) {
					continue;
				}
				out.putNextEntry(new JarEntry(Files.isDirectory(file) ? name + "/" : name));
				if (!Files.isDirectory(file)) {
					Files.copy(file, out);
				}
				out.closeEntry();
			}
		}
	}

	@Test
	@PostgresTest
	void rendersJavaRevisionsFromAJarOffline(TestDatabase database) {
		MigrateJar cli = new MigrateJar(this.dir).database(database);
		String script = cli.ok("upgrade", "base:heads", "--sql", "--classpath", this.jar.toString()).out();
		assertThat(script).contains("BEGIN;", "CREATE TABLE categories", "name varchar(100) NOT NULL",
				"'it''s games'", "CREATE TABLE products", "CREATE INDEX ix_products_category_id ON products",
				"COMMIT;");
		assertThat(script.indexOf("CREATE TABLE categories")).isLessThan(script.indexOf("CREATE TABLE products"));
		String downgrade = cli.ok("downgrade", "heads:base", "--sql", "--classpath", this.jar.toString()).out();
		assertThat(downgrade).contains("DROP INDEX ix_products_category_id", "DROP TABLE products",
				"DROP TABLE categories");
		DatabaseCli db = new DatabaseCli(database, this.dir);
		assertThat(db.tables()).doesNotContain("categories", "products");
	}

	@Test
	@PostgresTest
	void appliesAndRevertsJavaRevisionsFromAJarAndFromADirectory(TestDatabase database) {
		MigrateJar cli = new MigrateJar(this.dir).database(database);
		assertThat(cli.ok("upgrade", "heads", "--classpath", this.jar.toString()).err())
			.contains("Running upgrade  -> a1, create categories", "Running upgrade a1 -> b2, create products");
		DatabaseCli db = new DatabaseCli(database, this.dir);
		assertThat(db.tables()).contains("categories", "products");
		assertThat(db.strings("SELECT name FROM categories ORDER BY id")).containsExactly("books", "it's games");
		assertThat(db.versions()).containsExactly("b2");

		assertThat(cli.ok("downgrade", "base", "--classpath", this.classes.toString()).err())
			.contains("Running downgrade b2 -> a1, create products", "Running downgrade a1 -> , create categories");
		assertThat(db.tables()).doesNotContain("categories", "products");
		assertThat(db.versions()).isEmpty();
		assertThat(cli.ok("history", "--classpath", this.classes.toString()).out())
			.isEqualTo("a1 -> b2 (head), create products" + System.lineSeparator() + "<base> -> a1, create categories"
					+ System.lineSeparator());
		assertThat(List.of(this.jar, this.classes)).allMatch(Files::exists);
	}

}
