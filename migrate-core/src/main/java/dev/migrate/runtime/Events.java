package dev.migrate.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.MigrateException;
import dev.migrate.RunResult;
import dev.migrate.event.LockAcquired;
import dev.migrate.event.LockWaiting;
import dev.migrate.event.MigrationListener;
import dev.migrate.event.RunFinished;
import dev.migrate.event.RunStarted;
import dev.migrate.event.StepFailed;
import dev.migrate.event.StepFinished;
import dev.migrate.event.StepStarted;
import dev.migrate.lock.MigrationLock;
import dev.migrate.revision.Step;

/**
 * Tells every listener of an event; a listener that throws is logged and skipped. Events are
 * built only when there are listeners to tell, so that a run without any builds none.
 */
final class Events {

	private static final Logger logger = LoggerFactory.getLogger(Events.class);

	private final List<MigrationListener> listeners;

	Events(List<MigrationListener> listeners) {
		this.listeners = listeners;
	}

	void runStarted(String command, String target) {
		if (!this.listeners.isEmpty()) {
			RunStarted event = new RunStarted(command, target, Instant.now());
			each((listener) -> listener.runStarted(event));
		}
	}

	void runFinished(String command, String target, RunResult result, Duration duration, Throwable failure) {
		if (!this.listeners.isEmpty()) {
			RunFinished event = new RunFinished(command, target, result, duration, failure);
			each((listener) -> listener.runFinished(event));
		}
	}

	/** What tells the listeners that a run waits for the lock; {@code null} when there are none. */
	Runnable lockWaiting(MigrationLock lock) {
		if (this.listeners.isEmpty()) {
			return null;
		}
		return () -> {
			LockWaiting event = new LockWaiting(lock.description());
			each((listener) -> listener.lockWaiting(event));
		};
	}

	void lockAcquired(MigrationLock lock, Duration waited) {
		if (!this.listeners.isEmpty()) {
			LockAcquired event = new LockAcquired(lock.description(), waited);
			each((listener) -> listener.lockAcquired(event));
		}
	}

	void stepStarted(Step step) {
		if (!this.listeners.isEmpty()) {
			StepStarted event = new StepStarted(step);
			each((listener) -> listener.stepStarted(event));
		}
	}

	void stepFinished(Step step, Duration duration) {
		if (!this.listeners.isEmpty()) {
			StepFinished event = new StepFinished(step, duration);
			each((listener) -> listener.stepFinished(event));
		}
	}

	void stepFailed(Step step, Duration duration, MigrateException error) {
		if (!this.listeners.isEmpty()) {
			StepFailed event = new StepFailed(step, duration, error);
			each((listener) -> listener.stepFailed(event));
		}
	}

	private void each(Consumer<MigrationListener> call) {
		for (MigrationListener listener : this.listeners) {
			try {
				call.accept(listener);
			}
			catch (RuntimeException ex) {
				logger.warn("Migration listener {} failed; the run goes on", listener, ex);
			}
		}
	}

}
