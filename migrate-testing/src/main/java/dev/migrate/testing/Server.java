package dev.migrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import dev.migrate.testing.TestDatabase.Engine;

/**
 * A database server that test databases are created on.
 *
 * @param engine the engine it runs
 * @param url the JDBC URL of a database to connect to for administration
 * @param user the user, or {@code null} when the URL leaves it to the driver
 * @param password the password, or {@code null}
 * @param origin where the server comes from, for messages
 */
record Server(Engine engine, String url, String user, String password, String origin) {

	/** The connection properties for a user and password, either of which may be {@code null}. */
	static Properties credentials(String user, String password) {
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		return properties;
	}

	/** Connects to the administration database. */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, credentials(this.user, this.password));
	}

	/** Connects to the administration database, giving up after a few seconds. */
	Connection connect(int timeoutSeconds) throws SQLException {
		Properties properties = credentials(this.user, this.password);
		switch (this.engine) {
			case POSTGRESQL -> {
				properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
				properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
			}
			case MARIADB -> properties.setProperty("connectTimeout", Integer.toString(timeoutSeconds * 1000));
			case H2 -> {
			}
		}
		return DriverManager.getConnection(this.url, properties);
	}

	@Override
	public String toString() {
		return this.engine.displayName() + " at " + this.url + " (" + this.origin + ")";
	}

}
