package dev.migrate.bench;

import dev.migrate.Migrator;

/** migrate: SQL revision files under a {@code filesystem:} location, upgraded to {@code heads}. */
final class MigrateTool implements Contender {

	@Override
	public int migrate(Target target) {
		return migrator(target).upgrade("heads").steps().size();
	}

	@Override
	public int info(Target target) {
		return migrator(target).info().pending().size();
	}

	private static Migrator migrator(Target target) {
		return Migrator.builder()
			.url(target.url(), target.user(), null)
			.locations("filesystem:" + target.workload().migrate())
			.build();
	}

}
