package dev.migrate.autoconfigure;

import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The fixture's {@code PackagedApplicationIT} checks that the list holds every class a
 * start at the heads loads.
 */
class MigrateBackgroundPreinitializerTests {

	@Test
	void isRegisteredWithSpringBootsBackgroundPreinitialization() {
		List<BackgroundPreinitializer> preinitializers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(BackgroundPreinitializer.class);
		assertThat(preinitializers).hasAtLeastOneElementOfType(MigrateBackgroundPreinitializer.class);
	}

	@Test
	void listsEveryClassOnceAndEachExists() throws Exception {
		List<String> names = MigrateBackgroundPreinitializer.classNames();
		assertThat(names).hasSizeGreaterThan(50).doesNotHaveDuplicates();
		assertThat(new HashSet<>(names)).contains("dev.migrate.Migrator", "dev.migrate.Migrator$Builder",
				"dev.migrate.autoconfigure.MigrateInitializer", "dev.migrate.dialect.PostgresDialect",
				"dev.migrate.dialect.H2Dialect", "dev.migrate.dialect.MariaDbDialect");
		ClassLoader loader = getClass().getClassLoader();
		for (String name : names) {
			assertThat(name).startsWith("dev.migrate.");
			assertThatNoException().as(name).isThrownBy(() -> Class.forName(name, false, loader));
		}
	}

	@Test
	void preinitializesWithoutFailing() {
		assertThatNoException().isThrownBy(() -> new MigrateBackgroundPreinitializer().preinitialize());
	}

}
