package dev.migrate;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

import javax.sql.DataSource;

/** The database of a migrator built from a JDBC URL: each connection opened by the driver, no pool. */
final class UrlDataSource implements DataSource {

	private final String url;

	private final Properties properties = new Properties();

	private PrintWriter logWriter;

	UrlDataSource(String url, String user, String password) {
		this.url = url;
		if (user != null) {
			this.properties.setProperty("user", user);
		}
		if (password != null) {
			this.properties.setProperty("password", password);
		}
	}

	@Override
	public Connection getConnection() throws SQLException {
		return DriverManager.getConnection(this.url, this.properties);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return new UrlDataSource(this.url, username, password).getConnection();
	}

	@Override
	public PrintWriter getLogWriter() {
		return this.logWriter;
	}

	@Override
	public void setLogWriter(PrintWriter out) {
		this.logWriter = out;
	}

	@Override
	public void setLoginTimeout(int seconds) {
		DriverManager.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() {
		return DriverManager.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		throw new SQLFeatureNotSupportedException();
	}

	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		if (type.isInstance(this)) {
			return type.cast(this);
		}
		throw new SQLException("Not a wrapper of " + type.getName());
	}

	@Override
	public boolean isWrapperFor(Class<?> type) {
		return type.isInstance(this);
	}

	@Override
	public String toString() {
		return "UrlDataSource(" + this.url + ")";
	}

}
