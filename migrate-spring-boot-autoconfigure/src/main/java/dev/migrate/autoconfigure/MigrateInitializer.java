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
	 * Applies the strategy to each migrator in turn; a revision that does not load fails the
	 * start whatever the strategy does. A strategy of the application's own runs once the
	 * migrator's revisions have loaded, since it may work on the database before it runs a
	 * command. The strategy of {@code migrate.on-startup} runs at once, so that its command
	 * opens its connection while the revisions load on the migrator's own thread (the command
	 * waits for them before it takes the lock); its revisions are validated after it, unless
	 * its upgrade found them unchanged since a run brought the database to their heads
	 * ({@link Migrator#validate()}).
	 * @throws MigrateStartupException naming the migrator when its revisions do not load
	 * (also when the strategy failed too, for instance on a database it cannot reach) or the
	 * strategy fails with a {@link MigrateException}; other failures of the strategy are
	 * thrown as they are
	 */
	@Override
	public void afterPropertiesSet() {
		boolean ownStrategy = !(this.migrationStrategy instanceof PropertiesMigrationStrategy);
		for (Map.Entry<String, Migrator> entry : this.migrators.entrySet()) {
			Migrator migrator = entry.getValue();
			try {
				if (ownStrategy) {
					migrator.graph();
				}
				try {
					this.migrationStrategy.migrate(migrator);
				}
				catch (RuntimeException ex) {
					throw loadingFailureOr(migrator, ex);
				}
				migrator.validate();
			}
			catch (MigrateException ex) {
				throw new MigrateStartupException(entry.getKey(), ex);
			}
		}
	}

	/**
	 * The failure to report when the strategy failed: a revision that does not load (a
	 * {@link MigrateException} from loading) is the error to fix first, with the strategy's
	 * failure suppressed in it; otherwise the strategy's failure, with any other loading
	 * failure suppressed in it.
	 */
	private static RuntimeException loadingFailureOr(Migrator migrator, RuntimeException strategyFailure) {
		try {
			migrator.graph();
			return strategyFailure;
		}
		catch (RuntimeException | Error loadingFailure) {
			RuntimeException reported = (loadingFailure instanceof MigrateException migrateFailure) ? migrateFailure
					: strategyFailure;
			Throwable other = (reported == loadingFailure) ? strategyFailure : loadingFailure;
			if (!causes(reported, other) && !causes(other, reported)) {
				reported.addSuppressed(other);
			}
			return reported;
		}
	}

	/** Whether a failure is, or is among the causes of, another. */
	private static boolean causes(Throwable cause, Throwable failure) {
		for (Throwable link = failure; link != null; link = link.getCause()) {
			if (link == cause) {
				return true;
			}
		}
		return false;
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
