package dev.migrate.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.MigrateException;
import dev.migrate.dialect.Dialect;
import dev.migrate.revision.Revision;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RecordingOperations}: each call records one immutable operation, in call
 * order, with a readable {@code toString}; bad arguments fail at the call; what the revision
 * cannot do is refused naming it.
 */
class RecordingOperationsTests {

	private static final Dialect postgres = Dialect.forUrl("jdbc:postgresql://localhost/db");

	private final List<Operation> recorded = new ArrayList<>();

	private final Operations op = new RecordingOperations(postgres, this.recorded::add);

	@Test
	void recordsEachCallInOrder() {
		this.op.createTable("products", (t) -> t.column("id", Type.uuid(), (c) -> c.primaryKey())
			.column("name", Type.string(200), (c) -> c.notNull().comment("shown"))
			.column("created_at", Type.timestampTz(), (c) -> c.defaultExpression("now()"))
			.unique("name"));
		this.op.addColumn("products", "status", Type.string(20), (c) -> c.defaultValue("draft"));
		this.op.createIndex("ix_products_name", "products", "name");
		this.op.renameColumn("products", "name", "title");
		this.op.dropTable("products");
		assertThat(this.recorded).extracting(Object::toString)
			.containsExactly("CreateTable[name=products, columns=[Column[name=id, type=uuid, notNull=true, "
					+ "primaryKey=true], Column[name=name, type=string(200), notNull=true, comment='shown'], "
					+ "Column[name=created_at, type=timestampTz, serverDefault=now()]], constraints=[Unique[columns=[name]]]]",
					"AddColumn[table=products, column=Column[name=status, type=string(20), serverDefault='draft']]",
					"CreateIndex[table=products, name=ix_products_name, elements=[name]]",
					"AlterColumn[table=products, column=name, newName=title]", "DropTable[name=products]");
	}

	@Test
	void recordsImmutableValuesThatCompareEqual() {
		this.op.createIndex("ix", "t", List.of("a"), (i) -> i.where("a > 0").using("gin"));
		this.op.createIndex("ix", "t", List.of("a"), (i) -> i.using("gin").where("a > 0"));
		assertThat(this.recorded.get(0)).isEqualTo(this.recorded.get(1)).hasSameHashCodeAs(this.recorded.get(1));
		CreateIndex index = (CreateIndex) this.recorded.get(0);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> index.elements().add(CreateIndex.Element.column("b")));
	}

	@Test
	void placesEveryOperationInSchema() {
		Operations billing = this.op.inSchema("billing");
		billing.createTable("invoices", (t) -> t.column("id", Type.integer()));
		billing.createEnum(Type.enumType("currency", "EUR"));
		billing.createForeignKey("fk", "invoices", "customers", List.of("customer_id"), List.of("id"));
		billing.bulkInsert("invoices", List.of("id"), List.of(List.of(1)));
		assertThat(this.recorded).extracting(Object::toString)
			.allSatisfy((operation) -> assertThat(operation).contains("schema=billing"));
		assertThat(postgres.render(this.recorded.get(2)))
			.containsExactly("ALTER TABLE billing.invoices ADD CONSTRAINT fk FOREIGN KEY (customer_id) "
					+ "REFERENCES customers (id)");
	}

	@Test
	void bulkInsertsRowsGivenAsMaps() {
		Map<String, Object> first = new LinkedHashMap<>();
		first.put("id", 1);
		first.put("name", "admin");
		Map<String, Object> second = new LinkedHashMap<>();
		second.put("name", "editor");
		second.put("id", 2);
		this.op.bulkInsert("roles", List.of(first, second));
		BulkInsert insert = (BulkInsert) this.recorded.get(0);
		assertThat(insert.columns()).containsExactly("id", "name");
		assertThat(insert.rows()).containsExactly(List.of(1, "admin"), List.of(2, "editor"));
		assertThat(postgres.render(insert))
			.containsExactly("INSERT INTO roles (id, name) VALUES\n\t(1, 'admin'),\n\t(2, 'editor')");
		this.op.bulkInsert("roles", List.of());
		assertThat(this.recorded).hasSize(1);
	}

	@Test
	void failsAtTheCallOnBadArguments() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.alterColumn("users", "role", (c) -> c.existingType(Type.text())))
			.withMessage("alterColumn(users.role) changes nothing: set a type, nullability, server default, new name "
					+ "or comment");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.alterColumn("users", "role", (c) -> c.using("role::int")))
			.withMessageContaining("USING expression but no new type");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.createTable("t", (t) -> t.column("a", Type.integer()).column("a", Type.text())))
			.withMessage("Table t defines column a twice");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.createTable("t",
					(t) -> t.column("a", Type.integer(), (c) -> c.primaryKey()).primaryKey("a")))
			.withMessageContaining("declares its primary key more than once");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.createTable("t", (t) -> {
			}))
			.withMessage("Table t needs at least one column");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.createForeignKey("fk", "t", "u", List.of("a", "b"), List.of("id")))
			.withMessageContaining("must reference as many columns as it has");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.addColumn("t", "id", Type.bigint(), (c) -> c.identity().defaultValue(1)))
			.withMessageContaining("identity column and cannot have a server default");
		assertThatIllegalArgumentException().isThrownBy(() -> this.op.createIndex("ix", "t"))
			.withMessage("Index ix needs at least one column or expression");
		assertThatIllegalArgumentException().isThrownBy(() -> this.op.dropTable(" "))
			.withMessage("table name must not be null or blank, was ' '");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.addEnumValue("status", "x", (v) -> v.before("a").after("b")))
			.withMessageContaining("before or after another, not both");
		assertThatIllegalArgumentException().isThrownBy(() -> this.op.execute(null));
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void refusesValuesWithoutLiteralNamingRowAndColumn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.bulkInsert("t", List.of("a", "b"), List.of(List.of(1, 2), List.of(3, new Object()))))
			.withMessageStartingWith("Row 2, column b of bulk insert into t is a java.lang.Object, which has no SQL literal");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.bulkInsert("t", List.of("a"), List.of(List.of(Double.NaN))))
			.withMessageContaining("only finite numbers");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.bulkInsert("t", List.of("a", "b"), List.of(List.of(1))))
			.withMessage("Row 1 of bulk insert into t has 1 values for the 2 columns [a, b]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.bulkInsert("t", List.of(Map.of("a", 1), Map.of("b", 2))))
			.withMessageContaining("Row 2 of bulk insert into t names columns [b], not the first row's [a]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.op.addColumn("t", "c", Type.text(), (c) -> c.defaultValue("a\0b")))
			.withMessageContaining("NUL character");
	}

	@Test
	void isOfflineAndRefusesJdbcNamingTheRevisionWithoutConnection() {
		Revision revision = Revision.builder("mig001").source("class db.revisions.MigrateRoles").build();
		Operations offline = new RecordingOperations(postgres, this.recorded::add, revision);
		assertThat(offline.isOffline()).isTrue();
		assertThatExceptionOfType(LiveDatabaseRequiredException.class).isThrownBy(offline::jdbc)
			.withMessageStartingWith("Revision mig001 (class db.revisions.MigrateRoles) reads or writes data with "
					+ "op.jdbc(), which needs a live database")
			.withMessageContaining("op.isOffline()");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(this.op::jdbc)
			.withMessageStartingWith("The revision reads or writes data");
	}

	@Test
	void letsNonTransactionalRevisionRecordConcurrentIndex() {
		Revision revision = Revision.builder("idx001").transactional(false).build();
		Operations op = new RecordingOperations(postgres, this.recorded::add, revision);
		op.createIndex("ix", "t", List.of("a"), (i) -> i.concurrently());
		assertThat(this.recorded).hasSize(1);
		assertThat(op.toString()).isEqualTo("RecordingOperations(postgresql, revision idx001)");
	}

	@Test
	void refusesConcurrentIndexInTransactionalRevisionBeforeTheSinkSeesIt() {
		Revision revision = Revision.builder("idx001").build();
		Operations op = new RecordingOperations(postgres, this.recorded::add, revision);
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> op.dropIndex("ix", "t", (i) -> i.concurrently()))
			.withMessage("Revision idx001 runs in a transaction, but DropIndex[table=t, name=ix, concurrently=true] "
					+ "cannot run inside one on postgresql. Declare the revision non-transactional: "
					+ "@Revision(..., transactional = false), or 'Transactional: false' in a SQL revision's header");
		assertThat(this.recorded).isEmpty();
	}

	@Test
	void describesAlterColumnWithOnlyWhatChanges() {
		this.op.alterColumn("users", "role", (c) -> c.notNull()
			.defaultValue("viewer")
			.existingType(Type.string(50))
			.existingNullable(true));
		assertThat(this.recorded.get(0)).hasToString("AlterColumn[table=users, column=role, nullable=false, "
				+ "serverDefault='viewer', existingType=string(50), existingNullable=true]");
	}

}
