package db.revisions;

import dev.migrate.Migration;
import dev.migrate.Revision;
import dev.migrate.ops.Operations;

/** A Java revision found by scanning package {@code db.revisions} inside the executable jar. */
@Revision(id = "r003", revises = "r002", message = "add audit")
public class AddAudit implements Migration {

	@Override
	public void upgrade(Operations op) {
		op.execute("CREATE TABLE audit (id bigserial PRIMARY KEY, happened_at timestamptz NOT NULL DEFAULT now());"
				+ " INSERT INTO revision_log (revision) VALUES ('r003')");
	}

	@Override
	public void downgrade(Operations op) {
		op.execute("DROP TABLE audit");
	}

}
