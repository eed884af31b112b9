package dev.migrate.ops;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Inserts rows given as values: Alembic's {@code op.bulk_insert}. The values are rendered as
 * escaped literals, so the same operation runs online and in an offline script.
 *
 * @param schema the table's schema, or {@code null} for the default
 * @param table the table's name
 * @param columns the columns each row gives values for, in order
 * @param rows the rows, each with one value per column; values are {@code null}, strings,
 * numbers, booleans, UUIDs, {@code java.time} values, byte arrays, enums or {@link Expression}s
 */
public record BulkInsert(String schema, String table, List<String> columns, List<List<Object>> rows)
		implements Operation {

	public BulkInsert {
		Require.optionalName(schema, "schema");
		Require.name(table, "table name");
		columns = Require.names(columns, "bulk insert into " + table);
		Require.notNull(rows, "rows of bulk insert into " + table);
		List<List<Object>> copy = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			List<?> row = Require.notNull(rows.get(i), "row " + (i + 1) + " of bulk insert into " + table);
			if (row.size() != columns.size()) {
				throw new IllegalArgumentException("Row " + (i + 1) + " of bulk insert into " + table + " has "
						+ row.size() + " values for the " + columns.size() + " columns " + columns);
			}
			List<Object> values = new ArrayList<>(row.size());
			for (int j = 0; j < row.size(); j++) {
				values.add(Values.literal(row.get(j),
						"Row " + (i + 1) + ", column " + columns.get(j) + " of bulk insert into " + table));
			}
			copy.add(Collections.unmodifiableList(values));
		}
		rows = Collections.unmodifiableList(copy);
	}

	@Override
	public String toString() {
		StringBuilder values = new StringBuilder("[");
		for (int i = 0; i < this.rows.size(); i++) {
			if (i > 0) {
				values.append(", ");
			}
			if (i == 5) {
				values.append("... ").append(this.rows.size() - 5).append(" more");
				break;
			}
			values.append('(');
			List<Object> row = this.rows.get(i);
			for (int j = 0; j < row.size(); j++) {
				values.append((j > 0) ? ", " : "").append(Values.describe(row.get(j)));
			}
			values.append(')');
		}
		values.append(']');
		return Describer.of("BulkInsert")
			.add("schema", this.schema)
			.always("table", this.table)
			.always("columns", this.columns)
			.always("rows", values)
			.toString();
	}

}
