package dev.migrate.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import dev.migrate.testing.TestDatabase.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProvisionerTests {

	private static final BooleanSupplier NO_DOCKER_PROBE = () -> {
		throw new AssertionError("Docker must not be probed when a URL is configured");
	};

	@Test
	void usesTheUrlFromTheEnvironmentBeforeDocker() throws SQLException {
		Server real = TestDatabases.provisioner().server(Engine.POSTGRESQL);
		String url = withCredentials(real.url(), real.user(), real.password());
		Provisioner provisioner = new Provisioner(Map.of("MIGRATE_TEST_POSTGRES_URL", url), NO_DOCKER_PROBE);
		try (TestDatabase db = provisioner.create(Engine.POSTGRESQL)) {
			assertThat(db.jdbcUrl()).isEqualTo(JdbcUrls.withDatabase(url, db.name()));
			assertThat(db.user()).isEqualTo(real.user());
			assertThat(db).hasToString("PostgreSQL test database " + db.name() + " at " + db.jdbcUrl()
					+ " (from MIGRATE_TEST_POSTGRES_URL)");
			assertThat(currentDatabase(db)).isEqualTo(db.name());
		}
	}

	@Test
	void takesUserAndPasswordFromTheirOwnVariables() throws SQLException {
		Server real = TestDatabases.provisioner().server(Engine.MARIADB);
		Map<String, String> environment = new HashMap<>();
		environment.put("MIGRATE_TEST_MARIADB_URL", real.url());
		environment.put("MIGRATE_TEST_MARIADB_USER", real.user());
		environment.put("MIGRATE_TEST_MARIADB_PASSWORD", real.password());
		Provisioner provisioner = new Provisioner(environment, NO_DOCKER_PROBE);
		try (TestDatabase db = provisioner.create(Engine.MARIADB)) {
			assertThat(db.user()).isEqualTo(real.user());
			assertThat(currentDatabase(db)).isEqualTo(db.name());
		}
	}

	@Test
	void fallsBackToTheLocalServerWithoutDocker() {
		Provisioner provisioner = new Provisioner(Map.of(), () -> false);
		Object postgres = serverOrProblem(provisioner, Engine.POSTGRESQL);
		Object mariadb = serverOrProblem(provisioner, Engine.MARIADB);
		assertThat(postgres).asString().contains("jdbc:postgresql://127.0.0.1:5432/postgres").contains("local default");
		assertThat(mariadb).asString().contains("jdbc:mariadb://127.0.0.1:3306/").contains("local default");
	}

	@Test
	void asksDockerOnlyOnce() {
		AtomicInteger asked = new AtomicInteger();
		Provisioner provisioner = new Provisioner(Map.of(), () -> asked.incrementAndGet() < 0);
		serverOrProblem(provisioner, Engine.POSTGRESQL);
		serverOrProblem(provisioner, Engine.POSTGRESQL);
		serverOrProblem(provisioner, Engine.MARIADB);
		provisioner.create(Engine.H2).close();
		assertThat(asked).hasValue(1);
	}

	@Test
	void failsWhenTheServerIsUnreachableOnCi() {
		Provisioner provisioner = new Provisioner(
				Map.of("MIGRATE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/postgres", "CI", "true"),
				NO_DOCKER_PROBE);
		assertThatIllegalStateException().isThrownBy(() -> provisioner.create(Engine.POSTGRESQL))
			.withMessageStartingWith("PostgreSQL for tests is not reachable at jdbc:postgresql://127.0.0.1:1/postgres "
					+ "(from MIGRATE_TEST_POSTGRES_URL): ")
			.withMessageContaining("set MIGRATE_TEST_POSTGRES_URL (and MIGRATE_TEST_POSTGRES_USER, "
					+ "MIGRATE_TEST_POSTGRES_PASSWORD) to a PostgreSQL server where the user may create databases.");
	}

	@Test
	void skipsWhenTheServerIsUnreachableOffCi() {
		Provisioner provisioner = new Provisioner(
				Map.of("MIGRATE_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:1/", "CI", "false"), NO_DOCKER_PROBE);
		assertThatExceptionOfType(TestAbortedException.class).isThrownBy(() -> provisioner.create(Engine.MARIADB))
			.withMessageStartingWith("MariaDB for tests is not reachable at jdbc:mariadb://127.0.0.1:1/ "
					+ "(from MIGRATE_TEST_MARIADB_URL): ")
			.withMessageContaining("set MIGRATE_TEST_MARIADB_URL")
			.withMessageEndingWith("Skipping the test (set CI=true to fail instead).");
	}

	@Test
	void keepsAnsweringFromTheFirstProbe() {
		Provisioner provisioner = new Provisioner(
				Map.of("MIGRATE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:1/postgres"), NO_DOCKER_PROBE);
		Throwable first = catchThrowable(() -> provisioner.server(Engine.POSTGRESQL));
		Throwable second = catchThrowable(() -> provisioner.server(Engine.POSTGRESQL));
		assertThat(first).isInstanceOf(TestAbortedException.class);
		assertThat(second).isInstanceOf(TestAbortedException.class).hasMessage(first.getMessage());
	}

	@Test
	void rejectsAConfiguredUrlWithoutHost() {
		Provisioner provisioner = new Provisioner(Map.of("MIGRATE_TEST_POSTGRES_URL", "jdbc:postgresql:postgres"),
				NO_DOCKER_PROBE);
		assertThatIllegalStateException().isThrownBy(() -> provisioner.create(Engine.POSTGRESQL))
			.withMessageStartingWith("MIGRATE_TEST_POSTGRES_URL: JDBC URL 'jdbc:postgresql:postgres' is not of the form");
	}

	@Test
	void needsNoServerForH2() {
		Provisioner provisioner = new Provisioner(Map.of("CI", "true"), NO_DOCKER_PROBE);
		try (TestDatabase db = provisioner.create(Engine.H2)) {
			assertThat(db.jdbcUrl()).isEqualTo("jdbc:h2:mem:" + db.name() + ";DB_CLOSE_DELAY=-1");
		}
	}

	private static Object serverOrProblem(Provisioner provisioner, Engine engine) {
		try {
			return provisioner.server(engine);
		}
		catch (TestAbortedException ex) {
			return ex.getMessage();
		}
	}

	private static String withCredentials(String url, String user, String password) {
		StringBuilder result = new StringBuilder(url);
		if (user != null) {
			result.append(url.contains("?") ? '&' : '?').append("user=").append(user);
		}
		if (password != null) {
			result.append((result.indexOf("?") >= 0) ? '&' : '?').append("password=").append(password);
		}
		return result.toString();
	}

	private static String currentDatabase(TestDatabase db) throws SQLException {
		String query = (db.engine() == Engine.POSTGRESQL) ? "SELECT current_database()" : "SELECT DATABASE()";
		try (Connection connection = db.connection(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(query)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
