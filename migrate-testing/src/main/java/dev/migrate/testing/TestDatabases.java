package dev.migrate.testing;

import dev.migrate.testing.TestDatabase.Engine;

/**
 * Creates {@link TestDatabase test databases}: each call a new empty database that the caller
 * closes, usually with try-with-resources.
 * <p>
 * The server is found once per JVM, in this order:
 * <ol>
 * <li>the JDBC URL in {@code MIGRATE_TEST_POSTGRES_URL} or {@code MIGRATE_TEST_MARIADB_URL},
 * with the user and password in the URL or in {@code MIGRATE_TEST_POSTGRES_USER},
 * {@code MIGRATE_TEST_POSTGRES_PASSWORD} (and the same for {@code MARIADB});</li>
 * <li>a Testcontainers container (one per JVM) when a Docker engine answers;</li>
 * <li>the local default: PostgreSQL at {@code 127.0.0.1:5432} as {@code postgres}, MariaDB at
 * {@code 127.0.0.1:3306} as {@code root} with no password.</li>
 * </ol>
 * When that server cannot be reached, the test is skipped, or fails when the environment
 * sets {@code CI=true}. H2 databases live in memory and need no server.
 */
public final class TestDatabases {

	private static final Provisioner provisioner = new Provisioner(System.getenv());

	private TestDatabases() {
	}

	/** Creates a PostgreSQL database. */
	public static TestDatabase postgres() {
		return create(Engine.POSTGRESQL);
	}

	/** Creates a MariaDB database. */
	public static TestDatabase mariadb() {
		return create(Engine.MARIADB);
	}

	/** Creates an H2 in-memory database with a name of its own. */
	public static TestDatabase h2() {
		return create(Engine.H2);
	}

	/**
	 * Creates a database on the given engine.
	 * @throws org.opentest4j.TestAbortedException if the server cannot be reached and CI is not true
	 * @throws IllegalStateException if it cannot be reached on CI, or the database cannot be created
	 */
	public static TestDatabase create(Engine engine) {
		return provisioner.create(engine);
	}

	static Provisioner provisioner() {
		return provisioner;
	}

}
