package dev.migrate.bench.boot;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The minimal Spring Boot application of the start-up comparison: auto-configuration and a
 * DataSource, nothing else. With migrate's auto-configuration on the class path it upgrades
 * the database on start (at the heads: nothing to run), and so it does with Flyway or
 * Liquibase and Spring Boot's support of them; without any, it starts the same
 * context without migrations, and its connection pool stays closed unless
 * {@code bench.open-data-source=true} takes one connection at the end of the start, as an
 * application that reads its database on start would. Prints {@code context_ms=<ms>}, the
 * time {@link SpringApplication#run} took, then closes the context.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchApplication {

	public static void main(String[] args) {
		// with Liquibase, as the bench's Liquibase runs: no anonymous analytics (a call out to
		// the network) and no banner
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		long start = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(BenchApplication.class, args);
		long took = System.nanoTime() - start;
		context.close();
		System.out.println("context_ms=" + (took / 1_000_000.0));
	}

	@Bean
	@ConditionalOnProperty("bench.open-data-source")
	static ApplicationRunner openDataSource(DataSource dataSource) {
		return (arguments) -> {
			try (Connection connection = dataSource.getConnection()) {
				connection.isValid(1);
			}
		};
	}

}
