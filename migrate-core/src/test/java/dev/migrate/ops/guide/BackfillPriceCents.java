package dev.migrate.ops.guide;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;

/**
 * The guide's large data migration: a new column filled in batches of 1000 rows until none
 * is left. Non-transactional, so that each batch commits on its own.
 */
@Revision(id = "bat001", revises = "ord002", message = "backfill price in cents", transactional = false)
public class BackfillPriceCents implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.addColumn("products", "price_cents", Type.bigint());
		op.jdbc().updateInBatches("products", "price_cents = (price * 100)::bigint", "price_cents IS NULL", 1000);
	}

	@Override
	public void downgrade(Operations op) {
		op.dropColumn("products", "price_cents");
	}

}
