package dev.migrate.bench.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The minimal Spring Boot application of the start-up comparison: auto-configuration and a
 * DataSource, nothing else. With migrate's auto-configuration on the class path it upgrades
 * the database on start (at the heads: nothing to run); without it, it starts the same
 * context without migrations. Prints {@code context_ms=<ms>}, the time
 * {@link SpringApplication#run} took, then closes the context.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BenchApplication {

	public static void main(String[] args) {
		long start = System.nanoTime();
		ConfigurableApplicationContext context = SpringApplication.run(BenchApplication.class, args);
		long took = System.nanoTime() - start;
		context.close();
		System.out.println("context_ms=" + (took / 1_000_000.0));
	}

}
