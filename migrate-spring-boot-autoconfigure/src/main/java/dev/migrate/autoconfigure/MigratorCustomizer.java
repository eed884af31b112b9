package dev.migrate.autoconfigure;

import dev.migrate.Migrator;

/**
 * Callback that customizes the auto-configured {@link Migrator}'s builder after the
 * {@code migrate.*} properties, the revision locations, the {@code Migration} beans and the
 * {@code MigrationListener} beans have been applied; customizers run in {@link org.springframework.core.annotation.Order order}, so
 * the last one wins.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MigratorCustomizer {

	/**
	 * Customizes the builder of the auto-configured {@link Migrator}.
	 * @param builder the builder to customize
	 */
	void customize(Migrator.Builder builder);

}
