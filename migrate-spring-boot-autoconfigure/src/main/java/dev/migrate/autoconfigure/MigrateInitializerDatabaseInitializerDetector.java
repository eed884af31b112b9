package dev.migrate.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link MigrateInitializer} beans, ordered after
 * the {@link MigrateDatabaseInitializerDetector} so that initializers depend on the
 * migrators and the beans that query the database depend on the initializers.
 */
final class MigrateInitializerDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrateInitializer.class);
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
