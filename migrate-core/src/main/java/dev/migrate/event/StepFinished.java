package dev.migrate.event;

import java.time.Duration;

import dev.migrate.revision.Step;

/**
 * A step completed.
 *
 * @param step the step
 * @param duration how long it took, its version-table and history writes included
 */
public record StepFinished(Step step, Duration duration) {

}
