package dev.migrate.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

import dev.migrate.Migrator;

/**
 * A {@link DatabaseInitializerDetector} for {@link Migrator} beans, so that the beans that
 * query the database depend on every migrator.
 */
final class MigrateDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(Migrator.class);
	}

}
