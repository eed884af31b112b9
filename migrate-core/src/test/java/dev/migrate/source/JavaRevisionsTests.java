package dev.migrate.source;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.ops.Operations;
import dev.migrate.revision.Revision;
import dev.migrate.source.fixture.invalid.abstracted.AbstractRevision;
import dev.migrate.source.fixture.invalid.noconstructor.NoConstructor;
import dev.migrate.source.fixture.nested.Outer;
import dev.migrate.source.fixture.revisions.AddUsers;
import dev.migrate.source.fixture.revisions.sub.AddPayments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JavaRevisionsTests {

	@Test
	void buildsTheRevisionFromTheAnnotation() {
		Revision revision = JavaRevisions.of(AddUsers.class);
		assertThat(revision.id()).isEqualTo("aa01");
		assertThat(revision.downRevisions()).containsExactly("aa00");
		assertThat(revision.branchLabels()).containsExactly("shop");
		assertThat(revision.dependsOn()).isEmpty();
		assertThat(revision.message()).isEqualTo("add users");
		assertThat(revision.createDate()).isEqualTo("2026-01-02 03:04:05");
		assertThat(revision.isTransactional()).isTrue();
		assertThat(revision.source()).isEqualTo("class " + AddUsers.class.getName());
	}

	@Test
	void keepsAnEmptyMessageAndNoCreateDate() {
		Revision revision = JavaRevisions.of(AddPayments.class);
		assertThat(revision.message()).isEmpty();
		assertThat(revision.createDate()).isNull();
		assertThat(revision.dependsOn()).containsExactly("aa00");
		assertThat(revision.isTransactional()).isFalse();
	}

	@Test
	void checksumIsTheSha256OfTheClassFile() throws Exception {
		try (InputStream in = AddUsers.class.getResourceAsStream("AddUsers.class")) {
			assertThat(JavaRevisions.of(AddUsers.class).checksum()).isEqualTo(Checksums.sha256(in.readAllBytes()));
		}
	}

	@Test
	void instantiatesAClassWhenTheRevisionFirstRuns() {
		Revision revision = JavaRevisions.of(AddUsers.class);
		ClassMigration migration = (ClassMigration) revision.migration();
		assertThat(migration.type()).isEqualTo(AddUsers.class);
		assertThat(RecordingOperations.upgrade(migration)).containsExactly("CREATE TABLE users (id int)");
		assertThat(RecordingOperations.downgrade(migration)).containsExactly("DROP TABLE users");
		assertThat(migration.instance()).isSameAs(migration.instance());
	}

	@Test
	void reportsAFailingConstructorWhenTheRevisionRuns() {
		Revision revision = JavaRevisions.of(FailingConstructor.class);
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> RecordingOperations.upgrade(revision.migration()))
			.withMessageStartingWith("Creating revision class " + FailingConstructor.class.getName() + " failed")
			.withRootCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void usesAnInstanceAsItsMigration() {
		AddUsers instance = new AddUsers();
		Revision revision = JavaRevisions.of(instance);
		assertThat(revision.id()).isEqualTo("aa01");
		assertThat(revision.migration()).isSameAs(instance);
	}

	@Test
	void findsTheAnnotationOfAProxySubclass() {
		Revision revision = JavaRevisions.of(new AddUsersProxy());
		assertThat(revision.id()).isEqualTo("aa01");
		assertThat(revision.source()).isEqualTo("class " + AddUsers.class.getName());
		assertThat(revision.checksum()).isEqualTo(JavaRevisions.of(AddUsers.class).checksum());
	}

	@Test
	void findsAStaticNestedClass() {
		assertThat(JavaRevisions.of(Outer.Inner.class).id()).isEqualTo("ee05");
	}

	@Test
	void rejectsAnInstanceWithoutTheAnnotation() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> JavaRevisions.of(new Unannotated()))
			.withMessageStartingWith("Migration " + Unannotated.class.getName() + " has no @dev.migrate.Revision annotation");
	}

	@Test
	void rejectsAClassWithoutTheAnnotation() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> JavaRevisions.of(Unannotated.class))
			.withMessageStartingWith("Class " + Unannotated.class.getName() + " has no @dev.migrate.Revision annotation");
	}

	@Test
	void rejectsAnAbstractClass() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> JavaRevisions.of(AbstractRevision.class))
			.withMessageStartingWith("Revision class " + AbstractRevision.class.getName() + " is abstract");
	}

	@Test
	void rejectsAClassWithoutANoArgConstructor() {
		RevisionSourceException ex = catchThrowableOfType(RevisionSourceException.class,
				() -> JavaRevisions.of(NoConstructor.class));
		assertThat(ex).hasMessageStartingWith(
				"Revision class " + NoConstructor.class.getName() + " has no public no-arg constructor: add one");
		assertThat(ex.source()).isEqualTo("class " + NoConstructor.class.getName());
	}

	@Test
	void rejectsAnInnerClassNamingTheMissingStatic() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> JavaRevisions.of(Inner.class))
			.withMessageContaining("has no public no-arg constructor: add one and make the nested class static");
	}

	@Test
	void rejectsAnAnnotatedClassThatIsNotAMigration() {
		assertThatExceptionOfType(RevisionSourceException.class)
			.isThrownBy(() -> JavaRevisions.ofAnnotated(
					dev.migrate.source.fixture.invalid.notmigration.NotAMigration.class))
			.withMessageStartingWith("Revision class dev.migrate.source.fixture.invalid.notmigration.NotAMigration"
					+ " does not implement dev.migrate.Migration");
	}

	@Test
	void readsPerRevisionTimeouts() {
		Revision revision = JavaRevisions.of(WithTimeouts.class);
		assertThat(revision.lockTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
		assertThat(revision.statementTimeout()).isEqualTo(java.time.Duration.ofHours(1));
		assertThat(JavaRevisions.of(AddUsers.class).lockTimeout()).isNull();
	}

	@Test
	void rejectsATimeoutThatIsNotADuration() {
		assertThatExceptionOfType(RevisionSourceException.class).isThrownBy(() -> JavaRevisions.of(BadTimeout.class))
			.withMessageContaining("@Revision(lockTimeout) of class " + BadTimeout.class.getName())
			.withMessageContaining("'soon' is not a duration");
	}

	@Test
	void reportsAnInvalidIdWithTheClass() {
		assertThatExceptionOfType(dev.migrate.revision.RevisionException.class)
			.isThrownBy(() -> JavaRevisions.of(InvalidId.class))
			.withMessageContaining("'Bad-Id'")
			.withMessageContaining("class " + InvalidId.class.getName());
	}

	static class AddUsersProxy extends AddUsers {

	}

	static class Unannotated implements Migration {

		@Override
		public void upgrade(Operations op) {
		}

		@Override
		public void downgrade(Operations op) {
		}

	}

	@dev.migrate.Revision(id = "b1")
	public static class FailingConstructor extends Unannotated {

		public FailingConstructor() {
			throw new IllegalStateException("no database configured");
		}

	}

	@dev.migrate.Revision(id = "t1", lockTimeout = "5s", statementTimeout = "1h")
	public static class WithTimeouts extends Unannotated {

	}

	@dev.migrate.Revision(id = "t2", lockTimeout = "soon")
	public static class BadTimeout extends Unannotated {

	}

	@dev.migrate.Revision(id = "Bad-Id")
	public static class InvalidId extends Unannotated {

	}

	@dev.migrate.Revision(id = "c1")
	public class Inner extends Unannotated {

	}

}
