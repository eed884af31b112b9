package dev.migrate.ops.guide;

import java.util.List;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;

/** The guide's partial index. */
@Revision(id = "ord002", revises = "ord001", message = "index pending orders")
public class AddPendingOrdersIndex implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createIndex("ix_orders_pending", "orders", List.of("created_at"), (i) -> i.where("status = 'pending'"));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropIndex("ix_orders_pending", "orders");
	}

}
