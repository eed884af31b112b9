package dev.migrate.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrate.LockTimeoutException;
import dev.migrate.MigrateException;
import dev.migrate.MigrationFailedException;
import dev.migrate.revision.RevisionException;
import dev.migrate.revision.Step.Direction;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateFailureAnalyzerTests {

	private final MigrateFailureAnalyzer analyzer = new MigrateFailureAnalyzer();

	@Test
	void namesTheMigratorAndIndentsTheEnginesMessage() {
		MigrateException cause = new MigrateException("Revision a002 failed\nStatement: INSERT INTO x");
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("migrateInitializer", "failed", new MigrateStartupException("migrator", cause)));
		assertThat(analysis.getDescription()).isEqualTo("Migrator 'migrator' failed on startup:" + System.lineSeparator()
				+ System.lineSeparator() + "    Revision a002 failed" + System.lineSeparator() + "    Statement: INSERT INTO x");
		assertThat(analysis.getAction()).contains("migrate.on-startup=none");
		assertThat(analysis.getCause()).isInstanceOf(MigrateStartupException.class);
	}

	@Test
	void tellsToFixTheFailedRevisionNamingIt() {
		MigrationFailedException failed = new MigrationFailedException("Upgrade r004 -> x001 (broken) failed", "x001",
				Direction.UPGRADE, "db/failing/0001_broken.sql", "INSERT INTO no_such_table (id) VALUES (1)", 7,
				"42P01", "relation \"no_such_table\" does not exist", new SQLException("no such table"));
		FailureAnalysis analysis = this.analyzer.analyze(new MigrateStartupException("migrator", failed));
		assertThat(analysis.getDescription()).contains("Upgrade r004 -> x001 (broken) failed");
		assertThat(analysis.getAction()).startsWith("Fix revision x001 (db/failing/0001_broken.sql:7) or the database,"
				+ " then start the application again: the upgrade resumes from the revisions the database is at.");
	}

	@Test
	void tellsToWaitForTheLockHolder() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrateStartupException("migrator",
				new LockTimeoutException("Timed out after PT5M waiting for the migration lock, held by pid 42", "pid 42")));
		assertThat(analysis.getDescription()).contains("held by pid 42");
		assertThat(analysis.getAction()).contains("Let it finish", "migrate.lock-timeout");
	}

	@Test
	void tellsToFixTheRevisionsWhenTheGraphIsInvalid() {
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("migrator", "failed",
				new RevisionException("Revision b002 revises a009, which does not exist")));
		assertThat(analysis.getDescription()).startsWith("migrate could not be configured:")
			.contains("    Revision b002 revises a009, which does not exist");
		assertThat(analysis.getAction()).startsWith("Fix the revisions").contains("migrate.locations");
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(this.analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

}
