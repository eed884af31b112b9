package dev.migrate;

import java.util.List;

import dev.migrate.revision.Step;

/**
 * What a command would do, worked out against the database's current heads without
 * changing anything: the steps in order, each with the SQL its revision would run.
 *
 * @param currentHeads the heads the database is at
 * @param steps the steps, in the order they would run
 * @param resultingHeads the heads once every step has run
 */
public record DryRun(List<String> currentHeads, List<PlannedStep> steps, List<String> resultingHeads) {

	public DryRun {
		currentHeads = List.copyOf(currentHeads);
		steps = List.copyOf(steps);
		resultingHeads = List.copyOf(resultingHeads);
	}

	/** Whether there is nothing to do. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

	/**
	 * One step of a dry run.
	 *
	 * @param step the step: direction, revision, version-row changes
	 * @param sql the statements the revision would run, rendered for the database
	 * @param versionSql the statements that would move the version rows
	 */
	public record PlannedStep(Step step, List<String> sql, List<String> versionSql) {

		public PlannedStep {
			sql = List.copyOf(sql);
			versionSql = List.copyOf(versionSql);
		}

	}

}
