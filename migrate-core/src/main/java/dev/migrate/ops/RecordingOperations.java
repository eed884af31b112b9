package dev.migrate.ops;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.DialectException;
import dev.migrate.revision.Revision;

/**
 * The {@link Operations} a revision is handed: each call records an {@link Operation} and
 * passes it to a sink at once.
 * <p>
 * Created for a revision, it also refuses what that revision cannot do, naming it: an
 * operation that cannot run in a transaction (an index built {@code concurrently}) in a
 * transactional revision, {@link #jdbc()} when the sink has no connection (offline), and it
 * names the revision in a {@link DialectException} the sink throws.
 */
public class RecordingOperations implements Operations {

	private final Dialect dialect;

	private final OperationSink sink;

	private final Revision revision;

	private final String schema;

	/**
	 * Creates operations that record into a sink, for no particular revision.
	 * @param dialect the dialect of the database the revision runs on
	 * @param sink where each recorded operation goes
	 */
	public RecordingOperations(Dialect dialect, OperationSink sink) {
		this(dialect, sink, null, null);
	}

	/**
	 * Creates operations for one run of a revision.
	 * @param dialect the dialect of the database the revision runs on
	 * @param sink where each recorded operation goes
	 * @param revision the revision being run, named in errors; whether it is transactional
	 * decides which operations it may record
	 */
	public RecordingOperations(Dialect dialect, OperationSink sink, Revision revision) {
		this(dialect, sink, revision, null);
	}

	private RecordingOperations(Dialect dialect, OperationSink sink, Revision revision, String schema) {
		this.dialect = Require.notNull(dialect, "dialect");
		this.sink = Require.notNull(sink, "sink");
		this.revision = revision;
		this.schema = schema;
	}

	@Override
	public Dialect dialect() {
		return this.dialect;
	}

	@Override
	public boolean isOffline() {
		return this.sink.connection().isEmpty();
	}

	@Override
	public Operations inSchema(String schema) {
		return new RecordingOperations(this.dialect, this.sink, this.revision, Require.name(schema, "schema"));
	}

	@Override
	public void createTable(String table, Consumer<CreateTable.Builder> definition) {
		CreateTable.Builder builder = new CreateTable.Builder(this.schema, table);
		definition.accept(builder);
		record(builder.build());
	}

	@Override
	public void dropTable(String table) {
		record(new DropTable(this.schema, table, false));
	}

	@Override
	public void renameTable(String table, String newName) {
		record(new RenameTable(this.schema, table, newName));
	}

	@Override
	public void createTableComment(String table, String comment) {
		record(new CreateTableComment(this.schema, table, comment));
	}

	@Override
	public void dropTableComment(String table) {
		record(new DropTableComment(this.schema, table));
	}

	@Override
	public void addColumn(String table, String column, Type type) {
		record(new AddColumn(this.schema, table, Column.of(column, type)));
	}

	@Override
	public void addColumn(String table, String column, Type type, Consumer<Column.Builder> options) {
		record(new AddColumn(this.schema, table, Column.of(column, type, options)));
	}

	@Override
	public void dropColumn(String table, String column) {
		record(new DropColumn(this.schema, table, column));
	}

	@Override
	public void alterColumn(String table, String column, Consumer<AlterColumn.Builder> changes) {
		AlterColumn.Builder builder = new AlterColumn.Builder(this.schema, table, column);
		changes.accept(builder);
		record(builder.build());
	}

	@Override
	public void renameColumn(String table, String column, String newName) {
		alterColumn(table, column, (c) -> c.rename(newName));
	}

	@Override
	public void createIndex(String index, String table, String... columns) {
		createIndex(index, table, (i) -> i.columns(columns));
	}

	@Override
	public void createIndex(String index, String table, List<String> columns, Consumer<CreateIndex.Builder> options) {
		createIndex(index, table, (i) -> {
			i.columns(columns.toArray(String[]::new));
			options.accept(i);
		});
	}

	@Override
	public void createIndex(String index, String table, Consumer<CreateIndex.Builder> definition) {
		CreateIndex.Builder builder = new CreateIndex.Builder(this.schema, table, index);
		definition.accept(builder);
		record(builder.build());
	}

	@Override
	public void dropIndex(String index, String table) {
		dropIndex(index, table, (i) -> {
		});
	}

	@Override
	public void dropIndex(String index, String table, Consumer<DropIndex.Builder> options) {
		DropIndex.Builder builder = new DropIndex.Builder();
		options.accept(builder);
		record(builder.build(this.schema, table, index));
	}

	@Override
	public void createForeignKey(String name, String table, String referentTable, List<String> columns,
			List<String> referentColumns) {
		createForeignKey(name, table, referentTable, columns, referentColumns, (fk) -> {
		});
	}

	@Override
	public void createForeignKey(String name, String table, String referentTable, List<String> columns,
			List<String> referentColumns, Consumer<ForeignKeyConstraint.Builder> options) {
		ForeignKeyConstraint key = ForeignKeyConstraint.of(columns, referentTable, referentColumns, (fk) -> {
			fk.name(name);
			options.accept(fk);
		});
		record(new AddConstraint(this.schema, table, key));
	}

	@Override
	public void createUniqueConstraint(String name, String table, String... columns) {
		record(new AddConstraint(this.schema, table, UniqueConstraint.of(name, columns)));
	}

	@Override
	public void createCheckConstraint(String name, String table, String condition) {
		record(new AddConstraint(this.schema, table, CheckConstraint.of(name, condition)));
	}

	@Override
	public void createPrimaryKey(String name, String table, String... columns) {
		record(new AddConstraint(this.schema, table, PrimaryKeyConstraint.of(name, columns)));
	}

	@Override
	public void dropConstraint(String name, String table) {
		record(new DropConstraint(this.schema, table, name, null));
	}

	@Override
	public void dropConstraint(String name, String table, ConstraintType type) {
		record(new DropConstraint(this.schema, table, name, Require.notNull(type, "constraint type")));
	}

	@Override
	public void createEnum(Type enumType) {
		record(new CreateEnum(this.schema, enumName(enumType), enumType.values()));
	}

	@Override
	public void dropEnum(Type enumType) {
		record(new DropEnum(this.schema, enumName(enumType)));
	}

	private static String enumName(Type type) {
		if (type == null || type.kind() != Type.Kind.ENUM) {
			throw new IllegalArgumentException(
					"Expected an enum type from Type.enumType(name, values...), got " + type);
		}
		return type.name();
	}

	@Override
	public void addEnumValue(String enumName, String value) {
		addEnumValue(enumName, value, (v) -> {
		});
	}

	@Override
	public void addEnumValue(String enumName, String value, Consumer<AddEnumValue.Builder> options) {
		AddEnumValue.Builder builder = new AddEnumValue.Builder();
		options.accept(builder);
		record(builder.build(this.schema, enumName, value));
	}

	@Override
	public void createExtension(String name) {
		record(new CreateExtension(name, this.schema));
	}

	@Override
	public void dropExtension(String name) {
		record(new DropExtension(name));
	}

	@Override
	public void execute(String sql) {
		record(new Execute(sql));
	}

	@Override
	public void bulkInsert(String table, List<String> columns, List<? extends List<?>> rows) {
		List<List<Object>> values = new ArrayList<>(rows.size());
		for (List<?> row : rows) {
			values.add((row != null) ? new ArrayList<>(row) : null);
		}
		record(new BulkInsert(this.schema, table, columns, values));
	}

	@Override
	public void bulkInsert(String table, List<? extends Map<String, ?>> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<String> columns = new ArrayList<>(rows.get(0).keySet());
		List<List<?>> values = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			Map<String, ?> row = rows.get(i);
			if (row == null || !row.keySet().equals(Set.copyOf(columns))) {
				throw new IllegalArgumentException("Row " + (i + 1) + " of bulk insert into " + table
						+ " names columns " + ((row != null) ? row.keySet() : null) + ", not the first row's "
						+ columns);
			}
			values.add(columns.stream().map(row::get).toList());
		}
		bulkInsert(table, columns, values);
	}

	@Override
	public Jdbc jdbc() {
		Optional<Connection> connection = this.sink.connection();
		if (connection.isEmpty()) {
			throw new LiveDatabaseRequiredException(capitalize(describeRevision()) + " reads or writes data with "
					+ "op.jdbc(), which needs a live database: an offline (--sql) script or a dry run cannot run it. "
					+ "Run it online, or branch on op.isOffline() to write the change with op.execute(...) instead");
		}
		return new Jdbc(connection.get(), this.dialect, this.schema,
				(this.revision != null) ? describeRevision() : null);
	}

	/**
	 * Hands an operation to the sink, after checking that the revision may run it: an
	 * operation that cannot run in a transaction is refused in a transactional revision.
	 * @param operation the operation
	 */
	protected void record(Operation operation) {
		if (this.revision != null && this.revision.isTransactional() && this.dialect.requiresNoTransaction(operation)) {
			throw new MigrateException(capitalize(describeRevision()) + " runs in a transaction, but " + operation
					+ " cannot run inside one on " + this.dialect.name() + ". Declare the revision non-transactional: "
					+ "@Revision(..., transactional = false), or 'Transactional: false' in a SQL revision's header");
		}
		try {
			this.sink.accept(operation);
		}
		catch (DialectException ex) {
			if (this.revision != null && !ex.getMessage().contains(this.revision.id())) {
				throw ex.inRevision(describeRevision());
			}
			throw ex;
		}
	}

	private String describeRevision() {
		if (this.revision == null) {
			return "the revision";
		}
		String id = "revision " + this.revision.id();
		return this.revision.source().equals(id) ? id : id + " (" + this.revision.source() + ")";
	}

	private static String capitalize(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	@Override
	public String toString() {
		return "RecordingOperations(" + this.dialect.name() + ((this.revision != null) ? ", " + describeRevision() : "")
				+ ((this.schema != null) ? ", schema " + this.schema : "") + ")";
	}

}
