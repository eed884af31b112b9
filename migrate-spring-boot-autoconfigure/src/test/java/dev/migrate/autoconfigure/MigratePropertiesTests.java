package dev.migrate.autoconfigure;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import dev.migrate.LockMode;
import dev.migrate.Migrator;
import dev.migrate.TransactionMode;
import dev.migrate.autoconfigure.MigrateProperties.OnStartup;

import static org.assertj.core.api.Assertions.assertThat;

class MigratePropertiesTests {

	@Test
	void defaultValuesAreConsistentWithTheEngine() {
		MigrateProperties properties = new MigrateProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getLocations()).containsExactly(Migrator.DEFAULT_LOCATION);
		assertThat(properties.getTable()).isEqualTo(Migrator.DEFAULT_TABLE);
		assertThat(properties.getHistoryTable()).isEqualTo(Migrator.DEFAULT_HISTORY_TABLE);
		assertThat(properties.getLockTimeout()).isEqualTo(Migrator.DEFAULT_LOCK_TIMEOUT);
		assertThat(properties.getLock()).isEqualTo(LockMode.ADVISORY);
		assertThat(properties.getTransactionMode()).isEqualTo(TransactionMode.PER_REVISION);
		assertThat(properties.getSchema()).isNull();
		assertThat(properties.getStatementTimeout()).isNull();
		assertThat(properties.getStatementLockTimeout()).isNull();
		assertThat(properties.isIgnoreUnknownRevisions()).isFalse();
		assertThat(properties.getTarget()).isEqualTo("heads");
		assertThat(properties.getOnStartup()).isEqualTo(OnStartup.UPGRADE);
	}

	@Test
	void defaultValuesAreTheBuildersDefaults() throws ReflectiveOperationException {
		MigrateProperties properties = new MigrateProperties();
		Migrator.Builder builder = Migrator.builder();
		assertThat(properties.getTable()).isEqualTo(builderField(builder, "table"));
		assertThat(properties.getHistoryTable()).isEqualTo(builderField(builder, "historyTable"));
		assertThat(properties.getSchema()).isEqualTo(builderField(builder, "schema"));
		assertThat(properties.getLockTimeout()).isEqualTo(builderField(builder, "lockTimeout"));
		assertThat(properties.getLock()).isEqualTo(builderField(builder, "lockMode"));
		assertThat(properties.getTransactionMode()).isEqualTo(builderField(builder, "transactionMode"));
		assertThat(properties.getStatementTimeout()).isEqualTo(builderField(builder, "statementTimeout"));
		assertThat(properties.getStatementLockTimeout()).isEqualTo(builderField(builder, "statementLockTimeout"));
		assertThat(properties.isIgnoreUnknownRevisions()).isEqualTo(builderField(builder, "ignoreUnknownRevisions"));
	}

	/** The builder has no getters: its defaults are read from its fields. */
	private static Object builderField(Migrator.Builder builder, String name) throws ReflectiveOperationException {
		Field field = Migrator.Builder.class.getDeclaredField(name);
		field.setAccessible(true);
		return field.get(builder);
	}

	@Test
	void bindsEnumsInKebabCaseAndDurationsInSecondsByDefault() {
		MigrateProperties properties = bind(Map.of("migrate.lock", "table", "migrate.transaction-mode", "all",
				"migrate.on-startup", "validate", "migrate.lock-timeout", "30", "migrate.statement-timeout", "2m",
				"migrate.statement-lock-timeout", "500ms"));
		assertThat(properties.getLock()).isEqualTo(LockMode.TABLE);
		assertThat(properties.getTransactionMode()).isEqualTo(TransactionMode.ALL);
		assertThat(properties.getOnStartup()).isEqualTo(OnStartup.VALIDATE);
		assertThat(properties.getLockTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.getStatementTimeout()).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.getStatementLockTimeout()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void bindsPerRevisionTransactionModeAndCommaSeparatedLocations() {
		MigrateProperties properties = bind(Map.of("migrate.transaction-mode", "per-revision", "migrate.locations",
				"classpath:db/revisions, filesystem:/srv/revisions"));
		assertThat(properties.getTransactionMode()).isEqualTo(TransactionMode.PER_REVISION);
		assertThat(properties.getLocations()).containsExactly("classpath:db/revisions", "filesystem:/srv/revisions");
	}

	private static MigrateProperties bind(Map<String, String> values) {
		Binder binder = new Binder(new MapConfigurationPropertySource(values));
		return binder.bind("migrate", Bindable.of(MigrateProperties.class)).orElseGet(MigrateProperties::new);
	}

	@Test
	void locationsDefaultIsAFreshListPerInstance() {
		MigrateProperties first = new MigrateProperties();
		first.getLocations().add("classpath:more");
		assertThat(new MigrateProperties().getLocations()).isEqualTo(List.of(Migrator.DEFAULT_LOCATION));
	}

}
