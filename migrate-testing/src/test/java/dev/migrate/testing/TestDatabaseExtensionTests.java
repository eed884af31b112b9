package dev.migrate.testing;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.migrate.testing.TestDatabase.Engine;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
class TestDatabaseExtensionTests {

	private static final List<TestDatabase> used = new CopyOnWriteArrayList<>();

	private TestDatabase injectedBeforeEach;

	@BeforeEach
	void rememberDatabase(TestDatabase db) {
		this.injectedBeforeEach = db;
	}

	@AfterEach
	void recordDatabase(TestDatabase db) {
		assertThat(db).isSameAs(this.injectedBeforeEach);
		used.add(db);
	}

	@AfterAll
	static void dropsEachDatabaseAfterItsTest() throws SQLException {
		for (TestDatabase db : used) {
			assertThat(TestDatabasesTests.exists(db)).as(db.name()).isFalse();
		}
	}

	@Test
	void injectsTheSameDatabaseIntoTheTestAndItsCallbacks(TestDatabase db) {
		assertThat(db).isSameAs(this.injectedBeforeEach);
		assertThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
	}

	@Test
	void givesEachTestADatabaseOfItsOwn(TestDatabase db) {
		assertThat(used).doesNotContain(db);
		assertThat(used).extracting(TestDatabase::name).doesNotContain(db.name());
	}

	@Test
	@H2Test
	void prefersTheMethodsEngineToTheClasses(TestDatabase db) {
		assertThat(db.engine()).isEqualTo(Engine.H2);
	}

	@Nested
	class Inner {

		@Test
		void inheritsTheEnclosingClassesEngine(TestDatabase db) {
			assertThat(db.engine()).isEqualTo(Engine.POSTGRESQL);
		}

	}

	@Nested
	@MariaDbTest
	class OnMariaDb {

		@Test
		void usesItsOwnEngine(TestDatabase db) {
			assertThat(db.engine()).isEqualTo(Engine.MARIADB);
		}

	}

}
