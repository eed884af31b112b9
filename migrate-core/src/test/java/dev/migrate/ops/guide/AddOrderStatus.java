package dev.migrate.ops.guide;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;

/** The guide's enum: a named type on PostgreSQL, created before the column and dropped after it. */
@Revision(id = "ord001", revises = "ext001", message = "add order status")
public class AddOrderStatus implements Migration {

	static final Type ORDER_STATUS = Type.enumType("order_status", "pending", "confirmed", "shipped", "delivered",
			"cancelled");

	@Override
	public void upgrade(Operations op) {
		op.createEnum(ORDER_STATUS);
		op.addColumn("orders", "status", ORDER_STATUS, (c) -> c.notNull());
	}

	@Override
	public void downgrade(Operations op) {
		op.dropColumn("orders", "status");
		op.dropEnum(ORDER_STATUS);
	}

}
