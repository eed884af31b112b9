package dev.migrate.bench;

import org.flywaydb.core.Flyway;

/** Flyway: {@code V<i>__t<i>.sql} files under a {@code filesystem:} location. */
final class FlywayTool implements Contender {

	@Override
	public int migrate(Target target) {
		return flyway(target).migrate().migrationsExecuted;
	}

	@Override
	public int info(Target target) {
		return flyway(target).info().pending().length;
	}

	private static Flyway flyway(Target target) {
		return Flyway.configure()
			.dataSource(target.url(), target.user(), null)
			.locations("filesystem:" + target.workload().flyway())
			.load();
	}

}
