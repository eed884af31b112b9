package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.migrate.testing.TestDatabase.Engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestDatabasesTests {

	@Test
	void createsUsesAndDropsAPostgresDatabase() throws SQLException {
		createsUsesAndDrops(TestDatabases::postgres);
	}

	@Test
	void createsUsesAndDropsAMariaDbDatabase() throws SQLException {
		createsUsesAndDrops(TestDatabases::mariadb);
	}

	@Test
	void createsUsesAndDropsAnH2Database() throws SQLException {
		createsUsesAndDrops(TestDatabases::h2);
	}

	@Test
	void keepsPostgresDatabasesApart() throws SQLException {
		keepsDatabasesApart(TestDatabases::postgres);
	}

	@Test
	void keepsMariaDbDatabasesApart() throws SQLException {
		keepsDatabasesApart(TestDatabases::mariadb);
	}

	@Test
	void keepsH2DatabasesApart() throws SQLException {
		keepsDatabasesApart(TestDatabases::h2);
	}

	@Test
	void dropsAPostgresDatabaseThatSessionsStillUse() throws SQLException {
		dropsADatabaseThatSessionsStillUse(TestDatabases::postgres);
	}

	@Test
	void dropsAMariaDbDatabaseThatSessionsStillUse() throws SQLException {
		dropsADatabaseThatSessionsStillUse(TestDatabases::mariadb);
	}

	@Test
	void servesConnectionsFromItsDataSource() throws SQLException {
		try (TestDatabase db = TestDatabases.postgres()) {
			execute(db, "CREATE TABLE t (id int)");
			try (Connection connection = db.dataSource().getConnection()) {
				assertThat(tableCount(connection, "t")).isOne();
			}
			try (Connection connection = db.dataSource().getConnection(db.user(), db.password())) {
				assertThat(tableCount(connection, "t")).isOne();
			}
		}
	}

	@Test
	void closesOnlyOnce() {
		TestDatabase db = TestDatabases.h2();
		db.close();
		db.close();
	}

	private void createsUsesAndDrops(Supplier<TestDatabase> factory) throws SQLException {
		TestDatabase db = factory.get();
		try (db) {
			assertThat(db.name()).matches("migrate_test_[0-9a-f]{12}");
			execute(db, "CREATE TABLE item (id int primary key, name varchar(20))");
			execute(db, "INSERT INTO item (id, name) VALUES (1, 'one'), (2, 'two')");
			try (Connection connection = db.connection(); Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT count(*) FROM item")) {
				rows.next();
				assertThat(rows.getInt(1)).isEqualTo(2);
			}
		}
		assertThat(exists(db)).isFalse();
	}

	private void keepsDatabasesApart(Supplier<TestDatabase> factory) throws SQLException {
		try (TestDatabase one = factory.get(); TestDatabase two = factory.get()) {
			assertThat(one.name()).isNotEqualTo(two.name());
			execute(one, "CREATE TABLE only_in_one (id int)");
			try (Connection first = one.connection(); Connection second = two.connection()) {
				assertThat(tableCount(first, "only_in_one")).isOne();
				assertThat(tableCount(second, "only_in_one")).isZero();
			}
		}
	}

	private void dropsADatabaseThatSessionsStillUse(Supplier<TestDatabase> factory) throws SQLException {
		TestDatabase db = factory.get();
		execute(db, "CREATE TABLE item (id int)");
		try (Connection idle = db.connection(); Connection inTransaction = db.connection()) {
			inTransaction.setAutoCommit(false);
			try (Statement statement = inTransaction.createStatement()) {
				statement.execute("INSERT INTO item (id) VALUES (1)");
			}
			db.close();
			assertThat(exists(db)).isFalse();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> {
				try (Statement statement = idle.createStatement()) {
					statement.execute("SELECT 1");
				}
			});
		}
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int tableCount(Connection connection, String table) throws SQLException {
		try (ResultSet tables = connection.getMetaData()
			.getTables(connection.getCatalog(), null, "%", new String[] { "TABLE" })) {
			int count = 0;
			while (tables.next()) {
				count += table.equalsIgnoreCase(tables.getString("TABLE_NAME")) ? 1 : 0;
			}
			return count;
		}
	}

	static boolean exists(TestDatabase db) throws SQLException {
		if (db.engine() == Engine.H2) {
			try {
				DriverManager.getConnection(db.jdbcUrl() + ";IFEXISTS=TRUE", "sa", "").close();
				return true;
			}
			catch (SQLException ex) {
				return false;
			}
		}
		String query = (db.engine() == Engine.POSTGRESQL) ? "SELECT count(*) FROM pg_database WHERE datname = ?"
				: "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?";
		try (Connection connection = TestDatabases.provisioner().server(db.engine()).connect();
				var statement = connection.prepareStatement(query)) {
			statement.setString(1, db.name());
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1) > 0;
			}
		}
	}

}
