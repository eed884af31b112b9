package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.Migrator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;

class MigrateInitializerTests {

	@Test
	void appliesTheStrategyToEachMigratorInOrder() {
		Migrator first = mock(Migrator.class);
		Migrator second = mock(Migrator.class);
		Map<String, Migrator> migrators = new LinkedHashMap<>();
		migrators.put("second", second);
		migrators.put("first", first);
		List<Migrator> migrated = new ArrayList<>();
		new MigrateInitializer(migrators, migrated::add).afterPropertiesSet();
		assertThat(migrated).containsExactly(second, first);
	}

	@Test
	void stopsAtTheFirstFailureNamingTheMigrator() {
		Migrator first = mock(Migrator.class);
		Migrator second = mock(Migrator.class);
		Map<String, Migrator> migrators = new LinkedHashMap<>();
		migrators.put("first", first);
		migrators.put("second", second);
		List<Migrator> migrated = new ArrayList<>();
		MigrateInitializer initializer = new MigrateInitializer(migrators, (migrator) -> {
			migrated.add(migrator);
			throw new MigrateException("Lock timeout");
		});
		assertThatExceptionOfType(MigrateStartupException.class).isThrownBy(initializer::afterPropertiesSet)
			.withMessage("Migrator 'first' failed on startup: Lock timeout")
			.satisfies((ex) -> assertThat(ex.getMigratorName()).isEqualTo("first"));
		assertThat(migrated).containsExactly(first);
	}

	@Test
	void letsOtherFailuresThrough() {
		MigrateInitializer initializer = new MigrateInitializer(mock(Migrator.class), (migrator) -> {
			throw new IllegalStateException("boom");
		});
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(initializer::afterPropertiesSet)
			.withMessage("boom");
	}

	@Test
	void reportsARevisionThatDoesNotLoadBeforeTheStartupUpgradesFailure() {
		Migrator migrator = mock(Migrator.class);
		MigrateException connecting = new MigrateException("Could not connect");
		MigrateException loading = new MigrateException("b2_second.sql:3: SQL before '-- migrate:upgrade'");
		willThrow(connecting).given(migrator).upgrade("heads");
		willThrow(loading).given(migrator).graph();
		assertThatExceptionOfType(MigrateStartupException.class)
			.isThrownBy(new MigrateInitializer(migrator, startupUpgrade())::afterPropertiesSet)
			.withMessage("Migrator 'migrator' failed on startup: b2_second.sql:3: SQL before '-- migrate:upgrade'")
			.satisfies((ex) -> assertThat(ex.getCause().getSuppressed()).containsExactly(connecting));
	}

	@Test
	void keepsTheStartupUpgradesFailureWhenLoadingFailsOtherwise() {
		Migrator migrator = mock(Migrator.class);
		MigrateException connecting = new MigrateException("Could not connect");
		StackOverflowError loading = new StackOverflowError();
		willThrow(connecting).given(migrator).upgrade("heads");
		willThrow(loading).given(migrator).graph();
		assertThatExceptionOfType(MigrateStartupException.class)
			.isThrownBy(new MigrateInitializer(migrator, startupUpgrade())::afterPropertiesSet)
			.withMessage("Migrator 'migrator' failed on startup: Could not connect")
			.satisfies((ex) -> assertThat(ex.getCause().getSuppressed()).containsExactly(loading));
	}

	@Test
	void reportsTheLoadingFailureOnceWhenTheStrategyWrapsIt() {
		Migrator migrator = mock(Migrator.class);
		MigrateException loading = new MigrateException("b2_second.sql:3: SQL before '-- migrate:upgrade'");
		willThrow(new IllegalStateException("upgrade failed", loading)).given(migrator).upgrade("heads");
		willThrow(loading).given(migrator).graph();
		assertThatExceptionOfType(MigrateStartupException.class)
			.isThrownBy(new MigrateInitializer(migrator, startupUpgrade())::afterPropertiesSet)
			.satisfies((ex) -> assertThat(ex.getCause()).isSameAs(loading))
			.satisfies((ex) -> assertThat(loading.getSuppressed()).isEmpty());
	}

	@Test
	void runsAStrategyOfItsOwnOnlyOnLoadedRevisions() {
		Migrator migrator = mock(Migrator.class);
		willThrow(new MigrateException("b2_second.sql:3: SQL before '-- migrate:upgrade'")).given(migrator).graph();
		List<Migrator> migrated = new ArrayList<>();
		assertThatExceptionOfType(MigrateStartupException.class)
			.isThrownBy(new MigrateInitializer(migrator, migrated::add)::afterPropertiesSet)
			.withMessageContaining("b2_second.sql:3");
		assertThat(migrated).isEmpty();
	}

	private static MigrationStrategy startupUpgrade() {
		return new PropertiesMigrationStrategy(MigrateProperties.OnStartup.UPGRADE, "heads");
	}

	@Test
	void isOrderedFirstByDefault() {
		MigrateInitializer initializer = new MigrateInitializer(mock(Migrator.class), (migrator) -> {
		});
		assertThat(initializer.getOrder()).isZero();
		initializer.setOrder(5);
		assertThat(initializer.getOrder()).isEqualTo(5);
	}

}
