package dev.migrate.ops.guide;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;

/**
 * The guide's extensions. The guide also enables {@code vector} (pgvector) and
 * {@code postgis}, written the same way; these tests use extensions every PostgreSQL ships.
 */
@Revision(id = "ext001", revises = "mig001", message = "enable extensions")
public class EnableExtensions implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.createExtension("uuid-ossp");
		op.createExtension("pg_trgm");
	}

	@Override
	public void downgrade(Operations op) {
		// Usually don't drop extensions as other things may depend on them
	}

}
