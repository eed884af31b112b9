package dev.migrate.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.migrate.Migrator;
import dev.migrate.autoconfigure.MigrateProperties.OnStartup;

/**
 * The {@link MigrationStrategy} that {@code migrate.on-startup} and {@code migrate.target}
 * describe, used when the application declares none.
 */
final class PropertiesMigrationStrategy implements MigrationStrategy {

	private static final Log logger = LogFactory.getLog(PropertiesMigrationStrategy.class);

	private final OnStartup onStartup;

	private final String target;

	PropertiesMigrationStrategy(OnStartup onStartup, String target) {
		this.onStartup = onStartup;
		this.target = target;
	}

	@Override
	public void migrate(Migrator migrator) {
		switch (this.onStartup) {
			case UPGRADE -> migrator.upgrade(this.target);
			case VALIDATE -> migrator.check();
			case NONE -> logger.debug("Leaving the database alone on startup (migrate.on-startup=none)");
		}
	}

	OnStartup getOnStartup() {
		return this.onStartup;
	}

	String getTarget() {
		return this.target;
	}

}
