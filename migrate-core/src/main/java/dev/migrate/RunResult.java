package dev.migrate;

import java.time.Duration;
import java.util.List;

import dev.migrate.revision.Step;

/**
 * What a run did.
 *
 * @param fromHeads the heads before the run
 * @param toHeads the heads after the run
 * @param steps the steps that ran, in order
 * @param duration how long the run took, lock wait included
 */
public record RunResult(List<String> fromHeads, List<String> toHeads, List<Step> steps, Duration duration) {

	public RunResult {
		fromHeads = List.copyOf(fromHeads);
		toHeads = List.copyOf(toHeads);
		steps = List.copyOf(steps);
	}

}
