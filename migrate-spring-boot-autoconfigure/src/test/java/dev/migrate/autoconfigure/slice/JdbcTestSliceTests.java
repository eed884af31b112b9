package dev.migrate.autoconfigure.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import dev.migrate.Migrator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @JdbcTest} runs the revisions on its test database, as it runs Flyway's, through
 * the {@code AutoConfigureDataSourceInitialization} imports the module ships.
 */
@JdbcTest
@TestPropertySource(properties = "migrate.locations=classpath:revisions/simple")
class JdbcTestSliceTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private Migrator migrator;

	@Test
	void runsTheRevisionsOnTheTestDatabase() {
		assertThat(this.jdbcTemplate.queryForObject("select name from products where id = 1", String.class))
			.isEqualTo("widget");
		assertThat(this.migrator.current()).containsExactly("a003");
	}

}
