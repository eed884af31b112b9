package dev.migrate.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.util.StringUtils;

import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.event.MigrationListener;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration Auto-configuration}
 * for migrate: a {@link Migrator} from the {@code migrate.*} properties and the
 * application's DataSource (with the {@code Migration} beans annotated {@code @Revision} in
 * its graph and the {@code MigrationListener} beans told of its runs), and a {@link MigrateInitializer} that upgrades every
 * {@code Migrator} bean while the context refreshes, before JPA, JdbcTemplate, JdbcClient,
 * jOOQ and {@code @DependsOnDatabaseInitialization} beans are created.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ Migrator.class, JdbcUtils.class })
@Conditional(MigrateAutoConfiguration.MigrateCondition.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MigrateProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public final class MigrateAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrateInitializer migrateInitializer(ListableBeanFactory beanFactory, MigrateProperties properties,
			ObjectProvider<MigrationStrategy> migrationStrategy) {
		Map<String, Migrator> migrators = beanFactory.getBeansOfType(Migrator.class);
		MigrationStrategy strategy = migrationStrategy.getIfAvailable();
		if (strategy == null) {
			strategy = new PropertiesMigrationStrategy(properties.getOnStartup(), properties.getTarget());
		}
		return new MigrateInitializer(migrators, strategy);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Migrator.class)
	@Conditional(MigratorDataSourceCondition.class)
	static class MigratorConfiguration {

		@Bean
		MigrateSchemaManagementProvider migrateSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
			return new MigrateSchemaManagementProvider(migrators);
		}

		@Bean
		Migrator migrator(MigrateProperties properties, ResourceLoader resourceLoader,
				ObjectProvider<DataSource> dataSource, @MigrateDataSource ObjectProvider<DataSource> migrateDataSource,
				ObjectProvider<JdbcConnectionDetails> connectionDetails, ObjectProvider<Migration> migrations,
				ObjectProvider<MigrationListener> listeners, ObjectProvider<MigratorCustomizer> customizers,
				MigrateSchemaManagementProvider schemaManagement) {
			// @MigrateDataSource, else migrate.url, else the application's database (as migrate.user
			// when set), else the JdbcConnectionDetails
			DataSource migrationDataSource = migrateDataSource.getIfAvailable();
			DataSource managed = migrationDataSource;
			if (migrationDataSource == null) {
				DataSource main = dataSource.getIfUnique();
				if (main == null && !StringUtils.hasText(properties.getUrl())) {
					main = fromConnectionDetails(connectionDetails.getIfAvailable(), resourceLoader.getClassLoader());
				}
				migrationDataSource = MigratorBuilders.dataSource(properties, main, resourceLoader.getClassLoader());
				// a connection as migrate.user reaches the application's database
				managed = StringUtils.hasText(properties.getUrl()) ? migrationDataSource : main;
			}
			if (managed != null) {
				schemaManagement.managed(managed);
			}
			Migrator.Builder builder = MigratorBuilders.configure(properties, migrationDataSource, resourceLoader,
					migrations.orderedStream().toList());
			// loops rather than lambdas, which are classes generated on the start's main thread
			for (MigrationListener listener : listeners.orderedStream().toList()) {
				builder.listener(listener);
			}
			for (MigratorCustomizer customizer : customizers.orderedStream().toList()) {
				customizer.customize(builder);
			}
			return builder.build();
		}

		private static @Nullable DataSource fromConnectionDetails(@Nullable JdbcConnectionDetails connectionDetails,
				@Nullable ClassLoader classLoader) {
			if (connectionDetails == null) {
				return null;
			}
			return DataSourceBuilder.create(classLoader)
				.type(SimpleDriverDataSource.class)
				.url(connectionDetails.getJdbcUrl())
				.username(connectionDetails.getUsername())
				.password(connectionDetails.getPassword())
				.driverClassName(connectionDetails.getDriverClassName())
				.build();
		}

	}

	/**
	 * Matches when there is a database to migrate or a {@link Migrator} bean to run.
	 */
	static final class MigrateCondition extends AnyNestedCondition {

		MigrateCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("migrate.url")
		private static final class MigrateUrlCondition {

		}

		@ConditionalOnBean(Migrator.class)
		private static final class MigratorBeanCondition {

		}

	}

	/**
	 * Matches when there is a database to migrate.
	 */
	static final class MigratorDataSourceCondition extends AnyNestedCondition {

		MigratorDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("migrate.url")
		private static final class MigrateUrlCondition {

		}

	}

}
