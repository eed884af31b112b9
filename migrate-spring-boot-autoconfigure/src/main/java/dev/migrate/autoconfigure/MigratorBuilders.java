package dev.migrate.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;

/**
 * Builds {@link Migrator}s from {@link MigrateProperties} the way the auto-configuration
 * builds its own, for applications that migrate further databases:
 *
 * <pre class="code">
 * &#64;Bean(defaultCandidate = false)
 * &#64;ConfigurationProperties("reporting.migrate")
 * MigrateProperties reportingMigrateProperties() {
 * 	return new MigrateProperties();
 * }
 *
 * &#64;Bean(defaultCandidate = false)
 * Migrator reportingMigrator(&#64;Qualifier("reportingMigrateProperties") MigrateProperties properties,
 * 		&#64;Qualifier("reporting") DataSource dataSource, ResourceLoader resourceLoader) {
 * 	return MigratorBuilders.builder(properties, dataSource, resourceLoader).build();
 * }
 * </pre>
 *
 * Every {@code Migrator} bean is upgraded on startup.
 *
 * @since 0.1.0
 */
public final class MigratorBuilders {

	private MigratorBuilders() {
	}

	/**
	 * A builder configured from properties: the revisions under their locations, found with
	 * Spring's resource resolution (so that they are found in an executable jar too), the
	 * version table, schema, lock and transaction settings.
	 * @param properties the properties to apply
	 * @param dataSource the database to migrate, unless the properties name a URL of their
	 * own; with a user but no URL, a connection to the same database as that user
	 * @param resourceLoader the loader that finds the revisions and supplies the class
	 * loader of Java revisions
	 * @return the builder, ready for more configuration
	 * @throws MigrateException if there is no database to migrate (revisions that cannot be
	 * loaded fail the migrator's first command)
	 */
	public static Migrator.Builder builder(MigrateProperties properties, @Nullable DataSource dataSource,
			ResourceLoader resourceLoader) {
		return builder(properties, dataSource, resourceLoader, List.of());
	}

	/**
	 * A builder configured from properties whose graph also holds the given
	 * {@code Migration} instances annotated {@code @Revision} (Spring beans, for instance).
	 * A revision class found under a location is left out when an instance of it is given.
	 */
	static Migrator.Builder builder(MigrateProperties properties, @Nullable DataSource dataSource,
			ResourceLoader resourceLoader, List<Migration> migrations) {
		return configure(properties, dataSource(properties, dataSource, resourceLoader.getClassLoader()),
				resourceLoader, migrations);
	}

	/**
	 * A builder for a database already chosen, configured from the properties other than the
	 * connection ones.
	 */
	static Migrator.Builder configure(MigrateProperties properties, DataSource dataSource,
			ResourceLoader resourceLoader, List<Migration> migrations) {
		Migrator.Builder builder = Migrator.builder();
		builder.dataSource(dataSource);
		// The revisions are loaded with Spring's resource resolution and handed to the builder,
		// which calls this on its loading thread: the scan overlaps with the first connection.
		// No locations of the engine's own, or it would load classpath:db/revisions again.
		builder.locations(List.of());
		builder.revisions(new ApplicationRevisions(properties, resourceLoader, migrations));
		// Set one by one, not through a PropertyMapper: each of its method references would be
		// a class generated on the main thread of a start that is mostly cold code. As the
		// mapper did, a null leaves the builder's default.
		if (properties.getTable() != null) {
			builder.table(properties.getTable());
		}
		if (properties.getHistoryTable() != null) {
			builder.historyTable(properties.getHistoryTable());
		}
		builder.schema(properties.getSchema());
		if (properties.getLockTimeout() != null) {
			builder.lockTimeout(properties.getLockTimeout());
		}
		if (properties.getLock() != null) {
			builder.lockMode(properties.getLock());
		}
		if (properties.getTransactionMode() != null) {
			builder.transactionMode(properties.getTransactionMode());
		}
		builder.statementTimeout(properties.getStatementTimeout());
		builder.statementLockTimeout(properties.getStatementLockTimeout());
		builder.ignoreUnknownRevisions(properties.isIgnoreUnknownRevisions());
		builder.skipUnchangedRevisions(properties.isSkipUnchangedRevisions());
		return builder;
	}

	/**
	 * The database to migrate: the properties' URL, else the given DataSource as the
	 * properties' user, else the given DataSource.
	 */
	static DataSource dataSource(MigrateProperties properties, @Nullable DataSource dataSource,
			@Nullable ClassLoader classLoader) {
		String url = properties.getUrl();
		if (StringUtils.hasText(url)) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create(classLoader).type(SimpleDriverDataSource.class);
			builder.url(url);
			applyCredentials(properties, builder);
			return builder.build();
		}
		if (dataSource == null) {
			throw new MigrateException("There is no DataSource to migrate: define a DataSource bean (set"
					+ " spring.datasource.url) or give migrate a database of its own with migrate.url");
		}
		if (StringUtils.hasText(properties.getUser())) {
			DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class);
			applyCredentials(properties, builder);
			return builder.build();
		}
		return dataSource;
	}

	private static void applyCredentials(MigrateProperties properties, DataSourceBuilder<?> builder) {
		String user = properties.getUser();
		if (user != null) {
			builder.username(user);
		}
		String password = properties.getPassword();
		if (password != null) {
			builder.password(password);
		}
		String driverClassName = properties.getDriverClassName();
		if (StringUtils.hasText(driverClassName)) {
			builder.driverClassName(driverClassName);
		}
	}

}
