package dev.migrate.event;

import dev.migrate.revision.Step;

/**
 * A step starts.
 *
 * @param step the step: the revision, its direction and the version rows it moves
 */
public record StepStarted(Step step) {

}
