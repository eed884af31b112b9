package dev.migrate.source;

import java.util.Optional;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.ops.Operations;

/**
 * The {@link Migration} of a SQL revision file: its upgrade section, and its downgrade
 * section when the file has one. Each section is handed whole to
 * {@link Operations#execute(String)}, which splits it into statements.
 */
public final class SqlMigration implements Migration {

	private final String revision;

	private final SqlSection upgrade;

	private final SqlSection downgrade;

	SqlMigration(String revision, SqlSection upgrade, SqlSection downgrade) {
		this.revision = revision;
		this.upgrade = upgrade;
		this.downgrade = downgrade;
	}

	/** The text under {@code -- migrate:upgrade}. */
	public SqlSection upgradeSection() {
		return this.upgrade;
	}

	/** The text under {@code -- migrate:downgrade}, empty when the file has no such section. */
	public Optional<SqlSection> downgradeSection() {
		return Optional.ofNullable(this.downgrade);
	}

	@Override
	public void upgrade(Operations op) {
		execute(this.upgrade, op);
	}

	/**
	 * Runs the downgrade section.
	 * @throws MigrateException if the file has no downgrade section
	 */
	@Override
	public void downgrade(Operations op) {
		if (this.downgrade == null) {
			throw new MigrateException("Revision " + this.revision + " cannot be downgraded: " + this.upgrade.source()
					+ " has no '-- migrate:downgrade' section. Add one after the upgrade section (it may be empty"
					+ " when there is nothing to undo)");
		}
		execute(this.downgrade, op);
	}

	private static void execute(SqlSection section, Operations op) {
		if (!section.isBlank()) {
			op.execute(section.sql());
		}
	}

	@Override
	public String toString() {
		return "SqlMigration(" + this.revision + ", " + this.upgrade.source() + ")";
	}

}
