package dev.migrate.demo;

import java.net.http.HttpResponse;

import dev.migrate.Migrator;
import dev.migrate.testing.TestDatabase;
import dev.migrate.testing.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo with its {@code postgres} profile, on a PostgreSQL database of its own. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class DemoOnPostgresTests {

	static TestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database = TestDatabases.postgres();
		registry.add("DEMO_DATABASE_URL", database::jdbcUrl);
		registry.add("DEMO_DATABASE_USER", database::user);
		registry.add("DEMO_DATABASE_PASSWORD", database::password);
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@Autowired
	Environment environment;

	@Autowired
	Migrator migrator;

	@Test
	void upgradesPostgresOnBootAndServesTheCatalog() throws Exception {
		assertThat(this.migrator.current()).containsExactly("ae1027a6acf0");
		HttpResponse<String> listed = DemoApplicationTests.get(this.environment, "/products");
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("The Pragmatic Programmer");
		assertThat(this.migrator.downgrade("base").steps()).hasSize(3);
		assertThat(this.migrator.current()).isEmpty();
		assertThat(this.migrator.upgrade("heads").toHeads()).containsExactly("ae1027a6acf0");
	}

}
