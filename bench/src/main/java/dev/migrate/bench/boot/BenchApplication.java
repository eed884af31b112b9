package dev.migrate.bench.boot;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.metrics.StartupStep.Tag;

/**
 * The minimal Spring Boot application of the start-up comparison: auto-configuration and a
 * DataSource, nothing else. With migrate's auto-configuration on the class path it upgrades
 * the database on start (at the heads: nothing to run), and so it does with Flyway or
 * Liquibase and Spring Boot's support of them; without any, it starts the same
 * context without migrations, and its connection pool stays closed unless
 * {@code bench.open-data-source=true} takes one connection at the end of the start, as an
 * application that reads its database on start would, or
 * {@code bench.open-data-source-in-refresh=true} while the context refreshes, as a JPA
 * application's EntityManagerFactory does (either printing {@code open_ms=<ms>}, the time
 * that took). Prints {@code context_ms=<ms>}, the time {@link SpringApplication#run}
 * took, then closes the context. With {@code --bench.startup-steps=true} it records Spring's
 * startup steps and also prints {@code bean_ms=<bean>=<ms>} for the DataSource and each bean
 * of a migration tool but its configuration classes: the time its creation took on the main
 * thread, the creation of the beans it needed included.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchApplication {

	/** The beans whose creation is printed: the DataSource and those of a migration tool. */
	private static final Pattern MEASURED_BEANS = Pattern
		.compile("dataSource|(?!.*AutoConfiguration).*(migrat|flyway|liquibase).*");

	public static void main(String[] args) {
		// with Liquibase, as the bench's Liquibase runs: no anonymous analytics (a call out to
		// the network) and no banner
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(BenchApplication.class);
		BufferingApplicationStartup steps = null;
		if (Arrays.asList(args).contains("--bench.startup-steps=true")) {
			steps = new BufferingApplicationStartup(20_000);
			application.setApplicationStartup(steps);
		}
		ConfigurableApplicationContext context = application.run(args);
		long took = System.nanoTime() - start;
		context.close();
		if (steps != null) {
			printMeasuredBeans(steps);
		}
		System.out.println("context_ms=" + millis(took));
	}

	/** Prints {@code bean_ms=<bean>=<ms>} for each measured bean the start created. */
	private static void printMeasuredBeans(BufferingApplicationStartup steps) {
		for (TimelineEvent event : steps.getBufferedTimeline().getEvents()) {
			if (!event.getStartupStep().getName().equals("spring.beans.instantiate")) {
				continue;
			}
			for (Tag tag : event.getStartupStep().getTags()) {
				if (tag.getKey().equals("beanName") && MEASURED_BEANS.matcher(tag.getValue()).matches()) {
					System.out.println("bean_ms=" + tag.getValue() + "=" + millis(event.getDuration().toNanos()));
				}
			}
		}
	}

	/** Takes a connection once the context has started, as an application reading its database on start does. */
	@Bean
	@ConditionalOnProperty("bench.open-data-source")
	static ApplicationRunner openDataSource(DataSource dataSource) {
		return (arguments) -> takeConnection(dataSource);
	}

	/** Takes a connection while the context refreshes, as a JPA application's EntityManagerFactory does. */
	@Bean
	@ConditionalOnProperty("bench.open-data-source-in-refresh")
	static InitializingBean openDataSourceInRefresh(DataSource dataSource) {
		return () -> takeConnection(dataSource);
	}

	/** Takes one connection and prints {@code open_ms=<ms>}, the time that took. */
	private static void takeConnection(DataSource dataSource) throws SQLException {
		long start = System.nanoTime();
		try (Connection connection = dataSource.getConnection()) {
			connection.isValid(1);
		}
		System.out.println("open_ms=" + millis(System.nanoTime() - start));
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000.0);
	}

}
