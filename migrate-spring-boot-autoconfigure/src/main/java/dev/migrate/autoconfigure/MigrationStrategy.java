package dev.migrate.autoconfigure;

import dev.migrate.Migrator;

/**
 * Strategy that replaces what the application does with each {@link Migrator} on startup
 * (by default, what {@code migrate.on-startup} says: upgrade to {@code migrate.target},
 * validate, or nothing). Declare one as a bean to, for instance, stamp a database that
 * predates migrate before upgrading it. {@link MigrateInitializer} calls it once the
 * migrator's revisions have loaded: a revision that does not load fails the start first.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Brings the database of one migrator to where the application needs it.
	 * @param migrator the migrator, one call per {@link Migrator} bean
	 */
	void migrate(Migrator migrator);

}
