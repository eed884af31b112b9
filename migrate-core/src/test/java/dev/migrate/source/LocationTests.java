package dev.migrate.source;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.source.Location.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocationTests {

	@Test
	void parsesAClasspathLocation() {
		Location location = Location.parse("classpath:db/revisions");
		assertThat(location.type()).isEqualTo(Type.CLASSPATH);
		assertThat(location.path()).isEqualTo("db/revisions");
		assertThat(location.isClasspath()).isTrue();
		assertThat(location.optional()).isFalse();
		assertThat(location).hasToString("classpath:db/revisions");
	}

	@Test
	void toleratesLeadingAndTrailingSlashesOnTheClasspath() {
		assertThat(Location.parse("classpath:/db/revisions/").path()).isEqualTo("db/revisions");
		assertThat(Location.classpath("//db/revisions//").path()).isEqualTo("db/revisions");
	}

	@Test
	void parsesAFilesystemLocation() {
		Location location = Location.parse("filesystem:migrations/revisions/");
		assertThat(location.type()).isEqualTo(Type.FILESYSTEM);
		assertThat(location.path()).isEqualTo("migrations/revisions");
		assertThat(location).hasToString("filesystem:migrations/revisions");
	}

	@Test
	void keepsAnAbsoluteFilesystemPath() {
		assertThat(Location.parse("filesystem:/srv/app/revisions").path()).isEqualTo("/srv/app/revisions");
		assertThat(Location.filesystem("/").path()).isEqualTo("/");
	}

	@Test
	void readsAValueWithoutPrefixAsAFilesystemLocation() {
		assertThat(Location.parse("migrations/revisions")).isEqualTo(Location.filesystem("migrations/revisions"));
		assertThat(Location.parse("C:\\app\\revisions").type()).isEqualTo(Type.FILESYSTEM);
		assertThat(Location.parse("db/revisions:v2")).isEqualTo(Location.filesystem("db/revisions:v2"));
		assertThat(Location.parse("filesystem:C:\\app:x").path()).isEqualTo("C:\\app:x");
	}

	@Test
	void readsThePrefixInAnyCase() {
		assertThat(Location.parse("ClassPath:db/revisions")).isEqualTo(Location.classpath("db/revisions"));
	}

	@Test
	void rejectsAnUnknownPrefix() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> Location.parse("clas:db/revisions"))
			.withMessage("Location 'clas:db/revisions' has an unknown prefix 'clas:': use 'classpath:' or 'filesystem:'");
	}

	@Test
	void rejectsALocationWithoutPath() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> Location.parse("classpath:/"))
			.withMessageStartingWith("Location 'classpath:' has no path");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> Location.parse("  "))
			.withMessageStartingWith("Location is empty");
	}

	@Test
	void canBeMadeOptional() {
		Location location = Location.parse(Location.DEFAULT).asOptional();
		assertThat(location.optional()).isTrue();
		assertThat(location).hasToString("classpath:db/revisions");
		assertThat(location).isNotEqualTo(Location.classpath("db/revisions"));
	}

}
