package dev.migrate.ops.guide;

import java.util.List;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;

import static dev.migrate.ops.ReferentialAction.RESTRICT;

/**
 * The guide's auto-generated migration. It also has the {@code description} column that the
 * guide's full-text search trigger reads.
 */
@Revision(id = "abc123", revises = "def456", message = "add products table", createDate = "2024-01-15 10:30:00")
public class AddProducts implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("products", (t) -> t.column("id", Type.uuid(), (c) -> c.notNull())
			.column("name", Type.string(200), (c) -> c.notNull())
			.column("description", Type.text())
			.column("sku", Type.string(50), (c) -> c.notNull())
			.column("price", Type.numeric(10, 2), (c) -> c.notNull())
			.column("category_id", Type.uuid(), (c) -> c.notNull())
			.column("created_at", Type.timestampTz(), (c) -> c.notNull().defaultExpression("now()"))
			.column("updated_at", Type.timestampTz())
			.foreignKey(List.of("category_id"), "categories", List.of("id"), (fk) -> fk.onDelete(RESTRICT))
			.primaryKey("id")
			.unique("sku"));
		op.createIndex("ix_products_category_id", "products", "category_id");
		op.createIndex("ix_products_created_at", "products", "created_at");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropIndex("ix_products_created_at", "products");
		op.dropIndex("ix_products_category_id", "products");
		op.dropTable("products");
	}

}
