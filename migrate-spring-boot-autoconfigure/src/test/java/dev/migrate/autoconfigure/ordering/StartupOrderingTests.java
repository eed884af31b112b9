package dev.migrate.autoconfigure.ordering;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.migrate.autoconfigure.MigrateAutoConfiguration;
import dev.migrate.testing.H2Test;
import dev.migrate.testing.PostgresTest;
import dev.migrate.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applications whose beans query migrated tables while they are created start, because
 * those beans are created after the revisions ran: JdbcTemplate, JdbcClient and
 * {@code @DependsOnDatabaseInitialization} beans, and JPA's EntityManagerFactory.
 */
class StartupOrderingTests {

	@Test
	@PostgresTest
	void jdbcBeansQueryMigratedTablesOnPostgres(TestDatabase database) {
		assertJdbcBeansQueryMigratedTables(database);
	}

	@Test
	@H2Test
	void jdbcBeansQueryMigratedTablesOnH2(TestDatabase database) {
		assertJdbcBeansQueryMigratedTables(database);
	}

	@Test
	@PostgresTest
	void jpaStartsOnMigratedTablesOnPostgres(TestDatabase database) {
		// validate: Hibernate fails the start if the mapped tables are not there yet
		try (ConfigurableApplicationContext context = run(JpaApplication.class, database,
				"spring.jpa.hibernate.ddl-auto=validate")) {
			assertThat(context.getBean(ProductsAtStartup.class).names()).containsExactly("widget");
		}
	}

	@Test
	@H2Test
	void jpaStartsOnMigratedTablesOfAnEmbeddedDatabaseWithoutCreateDrop(TestDatabase database) {
		// no ddl-auto: for an embedded database Hibernate would create-drop unless the schema is
		// reported as managed; the row the revision inserted must survive
		try (ConfigurableApplicationContext context = run(JpaApplication.class, database)) {
			assertThat(context.getBean(ProductsAtStartup.class).names()).containsExactly("widget");
			assertThat(context.getBean(JdbcTemplate.class)
				.queryForObject("select count(*) from migrate_version", Integer.class)).isEqualTo(1);
		}
	}

	private static void assertJdbcBeansQueryMigratedTables(TestDatabase database) {
		try (ConfigurableApplicationContext context = run(JdbcApplication.class, database)) {
			assertThat(context.getBean(ProductsAtStartup.class).names()).containsExactly("widget", "widget", "widget");
		}
	}

	private static ConfigurableApplicationContext run(Class<?> application, TestDatabase database,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + nullToEmpty(database.user()),
				"spring.datasource.password=" + nullToEmpty(database.password()),
				"migrate.locations=classpath:revisions/simple"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private static String nullToEmpty(String value) {
		return (value != null) ? value : "";
	}

	/** What the beans read from the migrated tables while they were created. */
	static final class ProductsAtStartup {

		private final List<String> names = new ArrayList<>();

		void add(String name) {
			this.names.add(name);
		}

		List<String> names() {
			return this.names;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			JdbcClientAutoConfiguration.class, MigrateAutoConfiguration.class })
	static class JdbcApplication {

		@Bean
		ProductsAtStartup productsAtStartup() {
			return new ProductsAtStartup();
		}

		@Bean
		Object readsWithJdbcTemplate(JdbcTemplate jdbcTemplate, ProductsAtStartup products) {
			products.add(jdbcTemplate.queryForObject("select name from products where id = 1", String.class));
			return new Object();
		}

		@Bean
		Object readsWithJdbcClient(JdbcClient jdbcClient, ProductsAtStartup products) {
			products.add(jdbcClient.sql("select name from products where id = 1").query(String.class).single());
			return new Object();
		}

		@Bean
		@DependsOnDatabaseInitialization
		Object readsWithTheDataSource(DataSource dataSource, ProductsAtStartup products) {
			products.add(new JdbcTemplate(dataSource).queryForObject("select name from products where id = 1",
					String.class));
			return new Object();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
			TransactionAutoConfiguration.class, HibernateJpaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
			MigrateAutoConfiguration.class })
	@EntityScan(basePackageClasses = Product.class)
	static class JpaApplication {

		@Bean
		ProductsAtStartup productsAtStartup(EntityManagerFactory entityManagerFactory) {
			ProductsAtStartup products = new ProductsAtStartup();
			EntityManager entityManager = entityManagerFactory.createEntityManager();
			try {
				entityManager.createQuery("select p from Product p", Product.class)
					.getResultList()
					.forEach((product) -> products.add(product.getName()));
			}
			finally {
				entityManager.close();
			}
			return products;
		}

	}

}
