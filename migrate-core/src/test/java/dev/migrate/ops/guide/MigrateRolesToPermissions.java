package dev.migrate.ops.guide;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Jdbc;
import dev.migrate.ops.Operations;
import dev.migrate.ops.Type;

import static dev.migrate.ops.ReferentialAction.CASCADE;

/** The guide's data migration: user roles become permission rows, and back. */
@Revision(id = "mig001", revises = "xyz789", message = "migrate user roles to permissions")
public class MigrateRolesToPermissions implements Migration {

	private static final Map<String, List<String>> ROLE_TO_PERMISSIONS = Map.of("admin",
			List.of("read", "write", "delete", "admin"), "editor", List.of("read", "write"), "viewer", List.of("read"));

	@Override
	public void upgrade(Operations op) {
		op.createTable("permissions",
				(t) -> t.column("id", Type.uuid(), (c) -> c.notNull().defaultExpression("gen_random_uuid()"))
					.column("user_id", Type.uuid(), (c) -> c.notNull())
					.column("permission", Type.string(50), (c) -> c.notNull())
					.foreignKey(List.of("user_id"), "users", List.of("id"), (fk) -> fk.onDelete(CASCADE))
					.primaryKey("id"));

		Jdbc jdbc = op.jdbc();
		List<Map<String, Object>> users = jdbc.queryForList("SELECT id, role FROM users");
		for (Map<String, Object> user : users) {
			for (String permission : ROLE_TO_PERMISSIONS.getOrDefault((String) user.get("role"), List.of("read"))) {
				jdbc.update("INSERT INTO permissions (user_id, permission) VALUES (?, ?)", (UUID) user.get("id"),
						permission);
			}
		}

		op.dropColumn("users", "role");
	}

	@Override
	public void downgrade(Operations op) {
		op.addColumn("users", "role", Type.string(50));
		op.execute("""
				UPDATE users SET role = 'viewer';
				UPDATE users SET role = 'editor'
				WHERE id IN (SELECT user_id FROM permissions WHERE permission = 'write');
				UPDATE users SET role = 'admin'
				WHERE id IN (SELECT user_id FROM permissions WHERE permission = 'admin');
				""");
		op.alterColumn("users", "role", (c) -> c.notNull().defaultValue("viewer"));
		op.dropTable("permissions");
	}

}
