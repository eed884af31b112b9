package dev.migrate.dialect;

import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link Scratch} holds, read through JDBC metadata and the information schema, so
 * that one assertion serves PostgreSQL, H2 and MariaDB. Names go in as the revision wrote
 * them and come out the same way (H2's upper-cased names are lower-cased back).
 */
public final class Catalog {

	private final Scratch scratch;

	Catalog(Scratch scratch) {
		this.scratch = scratch;
	}

	private DatabaseMetaData metaData() throws SQLException {
		return this.scratch.connection().getMetaData();
	}

	private boolean mariadb() {
		return this.scratch.dialect().name().equals(Dialect.MARIADB);
	}

	private String catalog() {
		return mariadb() ? this.scratch.schema() : null;
	}

	private String schemaPattern() {
		return mariadb() ? null : this.scratch.schema();
	}

	private String name(String stored) {
		if (stored != null && this.scratch.dialect().name().equals(Dialect.H2) && stored.matches("[A-Z_][A-Z0-9_]*")) {
			return stored.toLowerCase(Locale.ROOT);
		}
		return stored;
	}

	/** The tables, by name. */
	public Set<String> tables() {
		try (ResultSet rows = metaData().getTables(catalog(), schemaPattern(), "%", new String[] { "TABLE" })) {
			Set<String> tables = new TreeSet<>();
			while (rows.next()) {
				tables.add(name(rows.getString("TABLE_NAME")));
			}
			return tables;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A table's comment, or {@code null}. */
	public String tableComment(String table) {
		try (ResultSet rows = metaData().getTables(catalog(), schemaPattern(), this.scratch.stored(table),
				new String[] { "TABLE" })) {
			if (!rows.next()) {
				throw new AssertionError("No table " + table);
			}
			String remarks = rows.getString("REMARKS");
			return (remarks == null || remarks.isEmpty()) ? null : remarks;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A table's columns in order, by name. */
	public Map<String, ColumnInfo> columns(String table) {
		try (ResultSet rows = metaData().getColumns(catalog(), schemaPattern(), this.scratch.stored(table), "%")) {
			Map<String, ColumnInfo> columns = new LinkedHashMap<>();
			while (rows.next()) {
				String name = name(rows.getString("COLUMN_NAME"));
				String remarks = rows.getString("REMARKS");
				columns.put(name, new ColumnInfo(name, rows.getString("TYPE_NAME").toLowerCase(Locale.ROOT),
						rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"),
						"YES".equals(rows.getString("IS_NULLABLE")), rows.getString("COLUMN_DEF"),
						(remarks == null || remarks.isEmpty()) ? null : remarks,
						"YES".equals(rows.getString("IS_AUTOINCREMENT"))));
			}
			return columns;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One column. */
	public ColumnInfo column(String table, String column) {
		ColumnInfo info = columns(table).get(column);
		if (info == null) {
			throw new AssertionError("No column " + column + " in " + table + ": " + columns(table).keySet());
		}
		return info;
	}

	/** The primary key's columns in order; empty when there is none. */
	public List<String> primaryKey(String table) {
		try (ResultSet rows = metaData().getPrimaryKeys(catalog(), schemaPattern(), this.scratch.stored(table))) {
			Map<Integer, String> columns = new TreeMap<>();
			while (rows.next()) {
				columns.put(rows.getInt("KEY_SEQ"), name(rows.getString("COLUMN_NAME")));
			}
			return new ArrayList<>(columns.values());
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The foreign keys of a table, by name. */
	public Map<String, ForeignKeyInfo> foreignKeys(String table) {
		try (ResultSet rows = metaData().getImportedKeys(catalog(), schemaPattern(), this.scratch.stored(table))) {
			Map<String, ForeignKeyInfo> keys = new TreeMap<>();
			while (rows.next()) {
				String name = name(rows.getString("FK_NAME"));
				ForeignKeyInfo key = keys.computeIfAbsent(name,
						(n) -> new ForeignKeyInfo(n, new ArrayList<>(), name(uncheckedString(rows, "PKTABLE_NAME")),
								new ArrayList<>(), rule(uncheckedShort(rows, "DELETE_RULE")),
								rule(uncheckedShort(rows, "UPDATE_RULE"))));
				key.columns().add(name(rows.getString("FKCOLUMN_NAME")));
				key.referencedColumns().add(name(rows.getString("PKCOLUMN_NAME")));
			}
			return keys;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String uncheckedString(ResultSet rows, String column) {
		try {
			return rows.getString(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static short uncheckedShort(ResultSet rows, String column) {
		try {
			return rows.getShort(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String rule(short rule) {
		return switch (rule) {
			case DatabaseMetaData.importedKeyCascade -> "CASCADE";
			case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
			case DatabaseMetaData.importedKeySetNull -> "SET NULL";
			case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
			default -> "NO ACTION";
		};
	}

	/** The indexes of a table (including those backing keys and unique constraints), by name. */
	public Map<String, IndexInfo> indexes(String table) {
		try (ResultSet rows = metaData().getIndexInfo(catalog(), schemaPattern(), this.scratch.stored(table), false,
				false)) {
			Map<String, IndexInfo> indexes = new TreeMap<>();
			while (rows.next()) {
				String name = name(rows.getString("INDEX_NAME"));
				if (name == null) {
					continue;
				}
				boolean unique = !rows.getBoolean("NON_UNIQUE");
				String filter = rows.getString("FILTER_CONDITION");
				IndexInfo index = indexes.computeIfAbsent(name,
						(n) -> new IndexInfo(n, unique, new ArrayList<>(), filter));
				String column = rows.getString("COLUMN_NAME");
				index.columns().add(name(column) + ("D".equals(rows.getString("ASC_OR_DESC")) ? " DESC" : ""));
			}
			return indexes;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The names of a table's constraints of one type ({@code UNIQUE}, {@code CHECK},
	 * {@code PRIMARY KEY}, {@code FOREIGN KEY}), leaving out PostgreSQL's implicit
	 * {@code NOT NULL} checks.
	 */
	public Set<String> constraints(String table, String type) {
		String sql = "SELECT constraint_name FROM information_schema.table_constraints WHERE table_name = ? AND "
				+ (mariadb() ? "constraint_schema" : "table_schema") + " = ? AND constraint_type = ?";
		try (PreparedStatement statement = this.scratch.connection().prepareStatement(sql)) {
			statement.setString(1, this.scratch.stored(table));
			statement.setString(2, this.scratch.schema());
			statement.setString(3, type);
			try (ResultSet rows = statement.executeQuery()) {
				Set<String> names = new TreeSet<>();
				while (rows.next()) {
					String name = rows.getString(1);
					if (!name.endsWith("_not_null")) {
						names.add(name(name));
					}
				}
				return names;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A column as JDBC metadata describes it; the type name lower-cased. */
	public record ColumnInfo(String name, String type, int size, int digits, boolean nullable, String defaultValue,
			String comment, boolean autoIncrement) {
	}

	/** A foreign key: its columns, the table and columns it references, and its rules. */
	public record ForeignKeyInfo(String name, List<String> columns, String referencedTable,
			List<String> referencedColumns, String onDelete, String onUpdate) {
	}

	/** An index: whether unique, its columns ({@code name DESC} when descending), its filter (PostgreSQL). */
	public record IndexInfo(String name, boolean unique, List<String> columns, String filter) {
	}

}
