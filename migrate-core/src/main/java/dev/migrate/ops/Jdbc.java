package dev.migrate.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;

/**
 * Reads and writes rows for a data migration, on the revision's own connection and inside
 * its transaction: Alembic's {@code op.get_bind()}. Obtained from {@link Operations#jdbc()},
 * online only. Parameters are bound ({@code ?}), never written into the SQL.
 *
 * <pre>{@code
 * Jdbc jdbc = op.jdbc();
 * for (Map<String, Object> user : jdbc.queryForList("SELECT id, role FROM users")) {
 *     jdbc.update("INSERT INTO permissions (user_id, permission) VALUES (?, ?)", user.get("id"), "read");
 * }
 * }</pre>
 *
 * Statements run here are not recorded as operations: a dry run or an offline script
 * cannot show them.
 */
public final class Jdbc {

	private static final Logger logger = LoggerFactory.getLogger(Jdbc.class);

	private final Connection connection;

	private final Dialect dialect;

	private final String schema;

	private final String revision;

	Jdbc(Connection connection, Dialect dialect, String schema, String revision) {
		this.connection = connection;
		this.dialect = dialect;
		this.schema = schema;
		this.revision = revision;
	}

	/**
	 * The migration connection itself, for what the helpers do not cover. Do not close it or
	 * change its transaction: the runtime owns both.
	 */
	public Connection connection() {
		return this.connection;
	}

	/**
	 * Runs a query and maps each row.
	 * @param sql the query, with {@code ?} for each parameter
	 * @param mapper maps the current row of the result set
	 * @param parameters the parameters' values, in order
	 * @return the mapped rows, in order
	 */
	public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
		try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
			List<T> result = new ArrayList<>();
			while (rows.next()) {
				result.add(mapper.map(rows));
			}
			return result;
		}
		catch (SQLException ex) {
			throw failed(sql, ex);
		}
	}

	/**
	 * Runs a query and returns each row as a map from column label (as the database reports
	 * it: H2 upper-cases unquoted names) to value, in column order.
	 * @param sql the query, with {@code ?} for each parameter
	 * @param parameters the parameters' values, in order
	 */
	public List<Map<String, Object>> queryForList(String sql, Object... parameters) {
		return query(sql, (row) -> {
			ResultSetMetaData metaData = row.getMetaData();
			Map<String, Object> values = new LinkedHashMap<>();
			for (int i = 1; i <= metaData.getColumnCount(); i++) {
				values.put(metaData.getColumnLabel(i), row.getObject(i));
			}
			return values;
		}, parameters);
	}

	/**
	 * Runs a query expected to return at most one row and returns its first column.
	 * @param sql the query, with {@code ?} for each parameter
	 * @param type the value's type, as {@link ResultSet#getObject(int, Class)} converts it
	 * @param parameters the parameters' values, in order
	 * @return the value, or {@code null} when there is no row
	 * @throws MigrateException when the query returns more than one row
	 */
	public <T> T queryForObject(String sql, Class<T> type, Object... parameters) {
		List<T> values = query(sql, (row) -> row.getObject(1, type), parameters);
		if (values.size() > 1) {
			throw new MigrateException(where() + "expected at most one row, got " + values.size() + " from: " + sql);
		}
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * Runs an {@code INSERT}, {@code UPDATE}, {@code DELETE} or other statement.
	 * @param sql the statement, with {@code ?} for each parameter
	 * @param parameters the parameters' values, in order
	 * @return the number of rows it changed
	 */
	public int update(String sql, Object... parameters) {
		try (PreparedStatement statement = prepare(sql, parameters)) {
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw failed(sql, ex);
		}
	}

	/**
	 * Runs one statement for each set of parameters, as a JDBC batch.
	 * @param sql the statement, with {@code ?} for each parameter
	 * @param rows the parameters of each execution
	 * @return the number of rows each execution changed
	 */
	public int[] batchUpdate(String sql, List<? extends List<?>> rows) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (List<?> row : rows) {
				bind(statement, row.toArray());
				statement.addBatch();
			}
			return statement.executeBatch();
		}
		catch (SQLException ex) {
			throw failed(sql, ex);
		}
	}

	/**
	 * Updates a large table in batches until no row is left to update: the guide's "batch
	 * large updates" loop, written for each database ({@code UPDATE ... LIMIT} does not exist
	 * on PostgreSQL). Each batch updates at most {@code batchSize} rows meeting {@code where};
	 * the update must make the rows stop meeting it, or the loop never ends.
	 * <pre>{@code
	 * op.jdbc().updateInBatches("products", "new_column = compute_value(old_column)", "new_column IS NULL", 1000);
	 * }</pre>
	 * In a transactional revision all batches share one transaction; declare the revision
	 * {@code @Revision(transactional = false)} to commit each batch on its own and release its
	 * row locks early.
	 * @param table the table, in the schema of {@link Operations#inSchema} when one is set
	 * @param set the assignments, as SQL
	 * @param where the condition rows still to update meet, as SQL
	 * @param batchSize the most rows one batch updates
	 * @return the number of rows updated in all
	 */
	public long updateInBatches(String table, String set, String where, int batchSize) {
		return updateUntilNone(this.dialect.updateBatch(this.schema, table, set, where, batchSize));
	}

	/**
	 * Runs an update again and again until it changes no row, for a batched update written
	 * by hand.
	 * @param sql the statement, with {@code ?} for each parameter
	 * @param parameters the parameters' values, in order
	 * @return the number of rows changed in all
	 */
	public long updateUntilNone(String sql, Object... parameters) {
		long total = 0;
		int batches = 0;
		try (PreparedStatement statement = prepare(sql, parameters)) {
			int changed;
			while ((changed = statement.executeUpdate()) > 0) {
				total += changed;
				batches++;
				logger.debug("Batch {} updated {} rows ({} in all)", batches, changed, total);
			}
		}
		catch (SQLException ex) {
			throw failed(sql, ex);
		}
		logger.info("Updated {} rows in {} batches", total, batches);
		return total;
	}

	private PreparedStatement prepare(String sql, Object[] parameters) throws SQLException {
		PreparedStatement statement = this.connection.prepareStatement(sql);
		try {
			bind(statement, parameters);
			return statement;
		}
		catch (SQLException | RuntimeException ex) {
			statement.close();
			throw ex;
		}
	}

	private void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
		for (int i = 0; i < parameters.length; i++) {
			statement.setObject(i + 1, parameter(parameters[i]));
		}
	}

	private Object parameter(Object value) {
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		boolean mariadb = Dialect.MARIADB.equals(this.dialect.name());
		if (value instanceof UUID && mariadb) {
			return value.toString();
		}
		if (value instanceof Instant instant) {
			return mariadb ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : OffsetDateTime.ofInstant(instant,
					ZoneOffset.UTC);
		}
		return value;
	}

	private MigrateException failed(String sql, SQLException ex) {
		return new MigrateException(where() + "statement failed (SQLState " + ex.getSQLState() + "): " + ex.getMessage()
				+ "\n" + sql, ex);
	}

	private String where() {
		return (this.revision != null) ? "Data migration of " + this.revision + ": " : "Data migration: ";
	}

	/**
	 * Maps the current row of a result set to a value.
	 * @param <T> the value's type
	 */
	@FunctionalInterface
	public interface RowMapper<T> {

		/**
		 * Maps the current row; do not move the cursor.
		 * @param row the result set, positioned on the row
		 * @throws SQLException if reading it fails
		 */
		T map(ResultSet row) throws SQLException;

	}

}
