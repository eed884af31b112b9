package db.revisions;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;

/** Stock counts for products, written with migrate's operations so it runs on H2 and PostgreSQL alike. */
@Revision(id = "ae1027a6acf0", revises = "1975ea83b712", message = "add stock to products",
		createDate = "2026-11-24 10:00:00")
public class AddStock_ae1027a6acf0 implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("products", "stock", Type.integer(), (column) -> column.notNull().defaultValue(0));
		op.createCheckConstraint("ck_products_stock", "products", "stock >= 0");
	}

	@Override
	public void downgrade(Operations op) {
		op.dropConstraint("ck_products_stock", "products");
		op.dropColumn("products", "stock");
	}

}
