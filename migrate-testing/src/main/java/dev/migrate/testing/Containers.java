package dev.migrate.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.mariadb.MariaDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.migrate.testing.TestDatabase.Engine;

/**
 * Database servers in containers, started by Testcontainers when a Docker engine answers.
 * One container per engine and JVM, stopped when the JVM exits.
 */
final class Containers {

	static final String POSTGRES_IMAGE = "postgres:15-alpine";

	static final String MARIADB_IMAGE = "mariadb:10.11";

	private Containers() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static Server start(Engine engine) {
		JdbcDatabaseContainer<?> container = switch (engine) {
			case POSTGRESQL -> new PostgreSQLContainer(POSTGRES_IMAGE);
			case MARIADB -> new MariaDBContainer(MARIADB_IMAGE).withUsername("root");
			case H2 -> throw new IllegalArgumentException("H2 runs in memory and needs no container");
		};
		container.start();
		Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "migrate-test-" + engine + "-container"));
		return new Server(engine, container.getJdbcUrl(), container.getUsername(), container.getPassword(),
				"Testcontainers " + container.getDockerImageName());
	}

}
