package dev.migrate.revision;

import java.util.List;

/**
 * The ordered steps that take a database from its current heads to a target.
 *
 * @param currentHeads the heads the plan starts from
 * @param steps the steps, in the order they run
 * @param resultingHeads the heads once every step has run
 */
public record Plan(List<String> currentHeads, List<Step> steps, List<String> resultingHeads) {

	public Plan {
		currentHeads = List.copyOf(currentHeads);
		steps = List.copyOf(steps);
		resultingHeads = List.copyOf(resultingHeads);
	}

	/** Whether there is nothing to do. */
	public boolean isEmpty() {
		return this.steps.isEmpty();
	}

}
