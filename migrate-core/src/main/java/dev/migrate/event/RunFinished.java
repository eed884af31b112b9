package dev.migrate.event;

import java.time.Duration;

import dev.migrate.RunResult;

/**
 * A write command ended.
 *
 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param target the target as given
 * @param result what the run did, or {@code null} when it failed
 * @param duration how long it took, lock wait included
 * @param failure why it failed, or {@code null} when it succeeded
 */
public record RunFinished(String command, String target, RunResult result, Duration duration, Throwable failure) {

	/** Whether the run completed. */
	public boolean isSuccess() {
		return this.failure == null;
	}

}
