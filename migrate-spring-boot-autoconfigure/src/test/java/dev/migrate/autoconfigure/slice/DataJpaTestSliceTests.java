package dev.migrate.autoconfigure.slice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @DataJpaTest} runs the revisions on its embedded test database, and Hibernate
 * leaves the migrated schema alone instead of creating and dropping its own.
 */
@DataJpaTest
@TestPropertySource(properties = "migrate.locations=classpath:revisions/simple")
class DataJpaTestSliceTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Autowired
	private TestEntityManager entityManager;

	@Test
	void runsTheRevisionsAndKeepsTheMigratedSchema() {
		assertThat(this.jdbcTemplate.queryForObject("select name from products where id = 1", String.class))
			.isEqualTo("widget");
		assertThat(this.jdbcTemplate.queryForObject("select count(*) from migrate_version", Integer.class))
			.isEqualTo(1);
		assertThat(this.entityManager.find(Product.class, 1).getName()).isEqualTo("widget");
	}

}
