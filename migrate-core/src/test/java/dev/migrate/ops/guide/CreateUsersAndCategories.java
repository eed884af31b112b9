package dev.migrate.ops.guide;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;

/** The base the guide's revisions build on: users with a role, categories and orders. */
@Revision(id = "def456", message = "create users, categories and orders")
public class CreateUsersAndCategories implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createTable("users", (t) -> t.column("id", Type.uuid(), (c) -> c.primaryKey())
			.column("email", Type.string(200), (c) -> c.notNull())
			.column("role", Type.string(50), (c) -> c.notNull()));
		op.createTable("categories", (t) -> t.column("id", Type.uuid(), (c) -> c.primaryKey())
			.column("name", Type.string(100), (c) -> c.notNull()));
		op.createTable("orders", (t) -> t.column("id", Type.uuid(), (c) -> c.primaryKey())
			.column("user_id", Type.uuid(), (c) -> c.notNull())
			.column("created_at", Type.timestampTz(), (c) -> c.notNull().defaultExpression("now()"))
			.foreignKey("user_id", "users", "id"));
	}

	@Override
	public void downgrade(Operations op) {
		op.dropTable("orders");
		op.dropTable("categories");
		op.dropTable("users");
	}

}
