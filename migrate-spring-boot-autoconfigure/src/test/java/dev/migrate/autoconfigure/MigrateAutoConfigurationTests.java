package dev.migrate.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.EmbeddedDataSourceConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.Revision;
import dev.migrate.event.MigrationListener;
import dev.migrate.event.StepFinished;
import dev.migrate.ops.Operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;

class MigrateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void backsOffWithNoDataSourceBeanAndNoMigrateUrl() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Migrator.class);
			assertThat(context).doesNotHaveBean(MigrateInitializer.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.enabled=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(Migrator.class);
				assertThat(context).doesNotHaveBean(MigrateInitializer.class);
				assertThat(context).doesNotHaveBean(MigrateProperties.class);
			});
	}

	@Test
	void backsOffWithoutSpringJdbc() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.jdbc.support"))
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class));
	}

	@Test
	void backsOffForAUserMigratorAndUpgradesIt() {
		Migrator migrator = mock(Migrator.class);
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withBean("customMigrator", Migrator.class, () -> migrator)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(Migrator.class).hasBean("customMigrator");
				assertThat(context.getBean(MigrateInitializer.class).getMigrators()).containsOnlyKeys("customMigrator");
				then(migrator).should().upgrade("heads");
			});
	}

	@Test
	void upgradesAUserMigratorEvenWithoutDataSource() {
		Migrator migrator = mock(Migrator.class);
		this.contextRunner.withBean("customMigrator", Migrator.class, () -> migrator).run((context) -> {
			assertThat(context).hasNotFailed();
			then(migrator).should().upgrade("heads");
		});
	}

	@Test
	void upgradesToTheConfiguredTarget() {
		Migrator migrator = mock(Migrator.class);
		this.contextRunner.withBean(Migrator.class, () -> migrator)
			.withPropertyValues("migrate.target=shop@head")
			.run((context) -> then(migrator).should().upgrade("shop@head"));
	}

	@Test
	void validatesOnStartupWhenAskedTo() {
		Migrator migrator = mock(Migrator.class);
		this.contextRunner.withBean(Migrator.class, () -> migrator)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				then(migrator).should().check();
				then(migrator).should(never()).upgrade("heads");
			});
	}

	@Test
	void leavesTheDatabaseAloneWhenOnStartupIsNone() {
		Migrator migrator = mock(Migrator.class);
		this.contextRunner.withBean(Migrator.class, () -> migrator)
			.withPropertyValues("migrate.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(MigrateInitializer.class);
				then(migrator).should().validate(); // the revisions are read, nothing else
				then(migrator).shouldHaveNoMoreInteractions();
			});
	}

	@Test
	void failsTheStartWhenValidationFindsPendingRevisions() {
		Migrator migrator = mock(Migrator.class);
		willThrow(new MigrateException("Database is not at the heads: pending a002")).given(migrator).check();
		this.contextRunner.withBean("migrator", Migrator.class, () -> migrator)
			.withPropertyValues("migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.isInstanceOf(MigrateException.class)
					.hasMessage("Database is not at the heads: pending a002");
				assertThat(context).getFailure()
					.hasRootCauseInstanceOf(MigrateException.class)
					.cause()
					.isInstanceOf(MigrateStartupException.class)
					.hasMessage("Migrator 'migrator' failed on startup: Database is not at the heads: pending a002");
			});
	}

	@Test
	void validationOfADatabaseBehindTheRevisionsFailsTheStart() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner
			.withPropertyValues("migrate.url=" + url, "migrate.user=sa", "migrate.locations=classpath:revisions/simple",
					"migrate.on-startup=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.cause()
					.isInstanceOf(MigrateStartupException.class)
					.hasMessageContaining("a001, a002, a003");
				assertThat(tables(h2(url))).doesNotContain("PRODUCTS");
			});
	}

	@Test
	void migrationStrategyReplacesTheStartupUpgrade() {
		Migrator migrator = mock(Migrator.class);
		List<Migrator> migrated = new ArrayList<>();
		this.contextRunner.withBean(Migrator.class, () -> migrator)
			.withBean(MigrationStrategy.class, () -> (candidate) -> {
				// the application's strategy runs on loaded revisions
				assertThat(mockingDetails(candidate).getInvocations()).singleElement()
					.satisfies((invocation) -> assertThat(invocation.getMethod().getName()).isEqualTo("graph"));
				migrated.add(candidate);
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(migrated).containsExactly(migrator);
				then(migrator).should().graph();
				then(migrator).should().validate();
				then(migrator).shouldHaveNoMoreInteractions();
			});
	}

	@Test
	void theStartupUpgradeConnectsWhileTheRevisionsLoad() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		CountDownLatch connected = new CountDownLatch(1);
		AtomicBoolean loadedAfterConnecting = new AtomicBoolean();
		DataSource dataSource = new DelegatingDataSource(h2(url)) {

			@Override
			public Connection getConnection() throws SQLException {
				connected.countDown();
				return super.getConnection();
			}

		};
		this.contextRunner.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.withBean(MigratorCustomizer.class, () -> (builder) -> builder.revisions(() -> {
				// the revisions finish loading only once the upgrade has taken its connection
				try {
					loadedAfterConnecting.set(connected.await(30, TimeUnit.SECONDS));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return List.of();
			}))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(loadedAfterConnecting).isTrue();
				assertThat(tables(h2(url))).contains("PRODUCTS");
			});
	}

	@Test
	void backsOffForAUserMigrateInitializer() {
		Migrator migrator = mock(Migrator.class);
		this.contextRunner.withBean(Migrator.class, () -> migrator)
			.withBean("customInitializer", MigrateInitializer.class,
					() -> new MigrateInitializer(migrator, (candidate) -> candidate.upgrade("+1")))
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrateInitializer.class).hasBean("customInitializer");
				then(migrator).should().upgrade("+1");
			});
	}

	@Test
	void jdbcTemplateDependsOnTheMigratorAndItsInitializer() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.withBean("customMigrator", Migrator.class, () -> mock(Migrator.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
					.containsExactlyInAnyOrder("customMigrator", "migrateInitializer");
				assertThat(context.getBeanFactory().getBeanDefinition("migrateInitializer").getDependsOn())
					.containsExactly("customMigrator");
			});
	}

	@Test
	void mapsPropertiesOntoTheBuilder() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/simple", "migrate.table=alembic_version",
					"migrate.history-table=audit", "migrate.lock=table", "migrate.lock-timeout=7",
					"migrate.transaction-mode=all", "migrate.statement-timeout=30", "migrate.statement-lock-timeout=5",
					"migrate.ignore-unknown-revisions=true", "migrate.target=a002")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Migrator migrator = context.getBean(Migrator.class);
				assertThat(migrator.graph().revisions()).extracting(dev.migrate.revision.Revision::id)
					.containsExactlyInAnyOrder("a001", "a002", "a003");
				assertThat(migrator.current()).containsExactly("a002");
				assertThat(tables(context.getBean(DataSource.class))).contains("ALEMBIC_VERSION", "AUDIT")
					.doesNotContain("MIGRATE_VERSION", "MIGRATE_HISTORY", "REFUNDS");
			});
	}

	@Test
	void migrateUserConnectsToTheApplicationDatabaseAsThatUser() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		DataSource dataSource = h2(url);
		new JdbcTemplate(dataSource).execute("CREATE USER schema_owner PASSWORD 'secret' ADMIN");
		this.contextRunner.withBean(DataSource.class, () -> dataSource)
			.withPropertyValues("migrate.user=schema_owner", "migrate.password=secret",
					"migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(dataSource)).contains("PRODUCTS");
				assertThat(context.getBean(Migrator.class).history()).isNotEmpty()
					.allSatisfy((entry) -> assertThat(entry.installedBy()).startsWithIgnoringCase("schema_owner@"));
			});
	}

	@Test
	void upgradesTheApplicationDatabaseOnStartup() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(Migrator.class).hasBean("migrator").hasBean("migrateInitializer");
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForObject("select name from products where id = 1", String.class))
					.isEqualTo("widget");
				assertThat(context.getBean(Migrator.class).current()).containsExactly("a003");
			});
	}

	@Test
	void loadsTheRevisionsAtTheDefaultLocationOnce(@TempDir Path classes) throws IOException {
		Files.createDirectories(classes.resolve("db/revisions"));
		Files.writeString(classes.resolve("db/revisions/0001_first.sql"),
				ResourceRevisionLoaderTests.revision("d001", null));
		URLClassLoader classLoader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader());
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withClassLoader(classLoader)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).graph().revisions()).extracting(dev.migrate.revision.Revision::id)
					.containsExactly("d001");
				assertThat(context.getBean(Migrator.class).current()).containsExactly("d001");
			});
	}

	@Test
	void startsWithNoRevisionsAtTheDefaultLocation() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(Migrator.class).graph().revisions()).isEmpty();
		});
	}

	@Test
	void failsOnAConfiguredLocationThatDoesNotExist() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:db/missing")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageStartingWith("Revision location 'classpath:db/missing' does not exist");
			});
	}

	@Test
	void createsADataSourceFromMigrateUrlWithoutDataSourceBean() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner
			.withPropertyValues("migrate.url=" + url, "migrate.user=sa", "migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(Migrator.class);
				assertThat(context.getBean(Migrator.class).current()).containsExactly("a003");
			});
	}

	@Test
	void migrateUrlTakesPrecedenceOverTheApplicationDataSource() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.url=" + url, "migrate.user=sa", "migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context.getBean(DataSource.class))).doesNotContain("PRODUCTS");
				assertThat(tables(h2(url))).contains("PRODUCTS", "ORDERS", "REFUNDS");
			});
	}

	@Test
	void migrateDataSourceIsUsedOverTheApplicationDataSource() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class, MigrateDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context.getBean("dataSource", DataSource.class))).doesNotContain("PRODUCTS");
				assertThat(tables(context.getBean("migrateDataSource", DataSource.class))).contains("PRODUCTS");
			});
	}

	@Test
	void migrateDataSourceIsUsedOverMigrateUrl() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class, MigrateDataSourceConfiguration.class)
			.withPropertyValues("migrate.url=jdbc:h2:mem:unused", "migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context.getBean("migrateDataSource", DataSource.class))).contains("PRODUCTS");
			});
	}

	@Test
	void usesJdbcConnectionDetailsWithoutDataSourceBean() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withBean(JdbcConnectionDetails.class, () -> connectionDetails(url))
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(h2(url))).contains("PRODUCTS");
			});
	}

	@Test
	void usesTheApplicationDataSourceWhenThereAreJdbcConnectionDetailsToo() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withBean(JdbcConnectionDetails.class, () -> connectionDetails(url))
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(tables(context.getBean(DataSource.class))).contains("PRODUCTS");
				assertThat(tables(h2(url))).doesNotContain("PRODUCTS");
			});
	}

	@Test
	void customizersAreAppliedLastInOrder() {
		List<String> calls = new ArrayList<>();
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.withBean("second", MigratorCustomizer.class, () -> new OrderedCustomizer(2, calls))
			.withBean("first", MigratorCustomizer.class, () -> new OrderedCustomizer(1, calls))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(calls).containsExactly("customizer 1", "customizer 2");
				// the last customizer's version table wins over the properties'
				assertThat(tables(context.getBean(DataSource.class))).contains("VERSIONS_2")
					.doesNotContain("VERSIONS_1", "MIGRATE_VERSION");
			});
	}

	@Test
	void migrationListenerBeansAreToldOfRuns() {
		List<String> events = new ArrayList<>();
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.withBean(MigrationListener.class, () -> new MigrationListener() {

				@Override
				public void stepFinished(StepFinished event) {
					events.add(event.step().revision().id());
				}

			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(events).containsExactly("a001", "a002", "a003");
			});
	}

	@Test
	void migrationBeansJoinTheGraphAndCanInjectServices() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class, MigrationBeanConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/simple")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(Migrator.class).current()).containsExactly("b001");
				assertThat(new JdbcTemplate(context.getBean(DataSource.class))
					.queryForObject("select greeting from greetings", String.class)).isEqualTo("hello from a bean");
			});
	}

	@Test
	void upgradesSeveralMigratorsEachWithItsOwnProperties() {
		String reportingUrl = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class, ReportingConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/simple", "reporting.migrate.url=" + reportingUrl,
					"reporting.migrate.user=sa", "reporting.migrate.table=reporting_version",
					"reporting.migrate.locations=classpath:dev/migrate/autoconfigure/fixture/javarevisions")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrateInitializer.class).getMigrators()).containsOnlyKeys("reportingMigrator",
						"migrator");
				assertThat(tables(context.getBean(DataSource.class))).contains("PRODUCTS", "MIGRATE_VERSION")
					.doesNotContain("WIDGETS");
				assertThat(tables(h2(reportingUrl))).contains("WIDGETS", "GADGETS", "REPORTING_VERSION")
					.doesNotContain("PRODUCTS");
			});
	}

	@Test
	void reportsTheAutoConfiguredDatabaseAsManagedSchema() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
				assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
					.isEqualTo(SchemaManagement.MANAGED);
				assertThat(provider.getSchemaManagement(h2("jdbc:h2:mem:other"))).isEqualTo(SchemaManagement.UNMANAGED);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "upgrade", "validate", "none" })
	void aRevisionFileThatDoesNotParseFailsTheStartNamingTheFile(String onStartup, @TempDir Path revisions)
			throws IOException {
		Files.writeString(revisions.resolve("a1_first.sql"), ResourceRevisionLoaderTests.revision("a1", null));
		Files.writeString(revisions.resolve("b2_second.sql"), "-- Revision ID: b2\n-- Revises: a1\nCREATE TABLE t (id int);\n");
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=filesystem:" + revisions, "migrate.on-startup=" + onStartup)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure().cause().isInstanceOf(MigrateStartupException.class);
				String report = new MigrateFailureAnalyzer().analyze(context.getStartupFailure()).getDescription();
				assertThat(report).contains("Migrator 'migrator' failed on startup",
						revisions.resolve("b2_second.sql") + ":3: SQL before '-- migrate:upgrade'");
			});
	}

	@Test
	void aRevisionFileThatDoesNotParseFailsTheStartWhateverTheStrategy(@TempDir Path revisions) throws IOException {
		writeRevisionsWithABrokenOne(revisions);
		AtomicBoolean strategyRan = new AtomicBoolean();
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=filesystem:" + revisions)
			.withBean(MigrationStrategy.class, () -> (migrator) -> strategyRan.set(true))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure().cause().isInstanceOf(MigrateStartupException.class);
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining(revisions.resolve("b2_second.sql") + ":3: SQL before '-- migrate:upgrade'");
				assertThat(strategyRan).isFalse(); // it could have worked on the database before any command
			});
	}

	@Test
	void aRevisionFileThatDoesNotParseIsTheReportedFailureWhenTheDatabaseCannotBeReachedEither(@TempDir Path revisions)
			throws IOException {
		writeRevisionsWithABrokenOne(revisions);
		DataSource unreachable = new DelegatingDataSource(h2("jdbc:h2:mem:" + UUID.randomUUID())) {

			@Override
			public Connection getConnection() throws SQLException {
				throw new SQLException("Connection refused");
			}

		};
		this.contextRunner.withBean(DataSource.class, () -> unreachable)
			.withPropertyValues("migrate.locations=filesystem:" + revisions)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.cause()
					.isInstanceOf(MigrateStartupException.class)
					.hasMessageContaining(revisions.resolve("b2_second.sql") + ":3: SQL before '-- migrate:upgrade'")
					.cause()
					.satisfies((loading) -> assertThat(loading.getSuppressed()).singleElement()
						.satisfies((connecting) -> assertThat(connecting).hasStackTraceContaining("Connection refused")));
			});
	}

	private static void writeRevisionsWithABrokenOne(Path revisions) throws IOException {
		Files.writeString(revisions.resolve("a1_first.sql"), ResourceRevisionLoaderTests.revision("a1", null));
		Files.writeString(revisions.resolve("b2_second.sql"), "-- Revision ID: b2\n-- Revises: a1\nCREATE TABLE t (id int);\n");
	}

	@Test
	void failingRevisionFailsTheStartWithAnAnalyzableFailure() {
		this.contextRunner.withUserConfiguration(EmbeddedDataSourceConfiguration.class)
			.withPropertyValues("migrate.locations=classpath:revisions/failing")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.cause()
					.isInstanceOf(MigrateStartupException.class)
					.cause()
					.isInstanceOf(MigrateException.class);
				String report = new MigrateFailureAnalyzer().analyze(context.getStartupFailure()).getDescription();
				assertThat(report).contains("Migrator 'migrator' failed on startup", "f002", "no_such_table");
			});
	}

	private static List<String> tables(DataSource dataSource) {
		return new JdbcTemplate(dataSource).queryForList(
				"select table_name from information_schema.tables where table_schema = 'PUBLIC'", String.class);
	}

	private static DataSource h2(String url) {
		return DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url).username("sa").build();
	}

	private static JdbcConnectionDetails connectionDetails(String url) {
		return new JdbcConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return url;
			}

			@Override
			public String getUsername() {
				return "sa";
			}

			@Override
			public String getPassword() {
				return "";
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class MigrateDataSourceConfiguration {

		@Bean(defaultCandidate = false)
		@MigrateDataSource
		DataSource migrateDataSource() {
			return h2("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReportingConfiguration {

		@Bean(defaultCandidate = false)
		@org.springframework.boot.context.properties.ConfigurationProperties("reporting.migrate")
		MigrateProperties reportingMigrateProperties() {
			return new MigrateProperties();
		}

		@Bean(defaultCandidate = false)
		@Order(1)
		Migrator reportingMigrator(@Qualifier("reportingMigrateProperties") MigrateProperties properties,
				ResourceLoader resourceLoader) {
			return MigratorBuilders.builder(properties, null, resourceLoader).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationBeanConfiguration {

		@Bean
		Greeter greeter() {
			return () -> "hello from a bean";
		}

		@Bean
		AddGreetings addGreetings(Greeter greeter) {
			return new AddGreetings(greeter);
		}

	}

	interface Greeter {

		String greeting();

	}

	@Revision(id = "b001", revises = "a003", message = "add greetings")
	static class AddGreetings implements Migration {

		private final Greeter greeter;

		AddGreetings(Greeter greeter) {
			this.greeter = greeter;
		}

		@Override
		public void upgrade(Operations op) {
			op.execute("CREATE TABLE greetings (greeting varchar(100))");
			op.execute("INSERT INTO greetings VALUES ('" + this.greeter.greeting() + "')");
		}

		@Override
		public void downgrade(Operations op) {
			op.execute("DROP TABLE greetings");
		}

	}

	static final class OrderedCustomizer implements MigratorCustomizer, org.springframework.core.Ordered {

		private final int order;

		private final List<String> calls;

		OrderedCustomizer(int order, List<String> calls) {
			this.order = order;
			this.calls = calls;
		}

		@Override
		public void customize(Migrator.Builder builder) {
			this.calls.add("customizer " + this.order);
			builder.table("versions_" + this.order);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
