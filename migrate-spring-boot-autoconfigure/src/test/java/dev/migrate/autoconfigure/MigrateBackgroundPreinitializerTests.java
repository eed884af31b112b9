package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link MigrateBackgroundPreinitializer}; that its list holds every class of
 * migrate a start at the heads loads is checked by the fixture's
 * {@code PackagedApplicationIT}, from a packaged application's class-load log.
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
	void asksItsClassLoaderForEveryListedClassWithoutInitializingIt() throws Exception {
		List<String> requested = new ArrayList<>();
		ClassLoader recording = new ClassLoader(getClass().getClassLoader()) {

			@Override
			protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
				requested.add(name);
				if (name.equals("dev.migrate.Migrator")) {
					throw new ClassNotFoundException(name); // one that fails does not stop the others
				}
				return super.loadClass(name, resolve);
			}

		};
		new MigrateBackgroundPreinitializer().preinitialize(recording);
		assertThat(requested).containsAll(MigrateBackgroundPreinitializer.classNames());
	}

}
