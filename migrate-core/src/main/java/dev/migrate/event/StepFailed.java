package dev.migrate.event;

import java.time.Duration;

import dev.migrate.MigrateException;
import dev.migrate.revision.Step;

/**
 * A step failed.
 *
 * @param step the step
 * @param duration how long it ran before failing
 * @param error the error the run throws, naming the revision and the statement
 */
public record StepFailed(Step step, Duration duration, MigrateException error) {

}
