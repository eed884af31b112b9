package dev.migrate.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrate.MigrateException;
import dev.migrate.revision.RevisionException;

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
