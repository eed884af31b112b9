package dev.migrate.autoconfigure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;

/**
 * {@link InitializingBean} that brings the databases of {@link Migrator}s where the
 * application needs them while the context refreshes, before the beans that query the
 * database are created (they depend on it through Spring Boot's database initialization
 * detection). What it does with each migrator is a {@link MigrationStrategy}'s business.
 *
 * @since 0.1.0
 */
public class MigrateInitializer implements InitializingBean, Ordered {

	private final Map<String, Migrator> migrators;

	private final MigrationStrategy migrationStrategy;

	private int order = 0;

	/**
	 * Creates an initializer for one migrator.
	 * @param migrator the migrator
	 * @param migrationStrategy what to do with it
	 */
	public MigrateInitializer(Migrator migrator, MigrationStrategy migrationStrategy) {
		this(Map.of("migrator", migrator), migrationStrategy);
	}

	/**
	 * Creates an initializer for several migrators, run in the map's order.
	 * @param migrators the migrators by bean name
	 * @param migrationStrategy what to do with each
	 */
	public MigrateInitializer(Map<String, Migrator> migrators, MigrationStrategy migrationStrategy) {
		Assert.notNull(migrators, "'migrators' must not be null");
		Assert.notNull(migrationStrategy, "'migrationStrategy' must not be null");
		this.migrators = Collections.unmodifiableMap(new LinkedHashMap<>(migrators));
		this.migrationStrategy = migrationStrategy;
	}

	/**
	 * Applies the strategy to each migrator in turn, then makes sure its revisions loaded:
	 * a revision that does not load fails the start whatever the strategy does. The
	 * strategy is not held up by the loading, which runs on the migrator's own thread: its
	 * commands open their connection while the revisions load, then wait for them and fail
	 * before changing anything when they do not load.
	 * @throws MigrateStartupException naming the migrator when the strategy fails or its
	 * revisions do not load
	 */
	@Override
	public void afterPropertiesSet() {
		this.migrators.forEach((name, migrator) -> {
			try {
				this.migrationStrategy.migrate(migrator);
				migrator.graph();
			}
			catch (MigrateException ex) {
				throw new MigrateStartupException(name, ex);
			}
		});
	}

	/** The migrators by bean name, in the order they are run. */
	public Map<String, Migrator> getMigrators() {
		return this.migrators;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets this initializer's order.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
