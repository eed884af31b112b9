package dev.migrate.runtime;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrate.event.LockAcquired;
import dev.migrate.event.LockWaiting;
import dev.migrate.event.MigrationListener;
import dev.migrate.event.RunFinished;
import dev.migrate.event.RunStarted;
import dev.migrate.event.StepFailed;
import dev.migrate.event.StepFinished;
import dev.migrate.event.StepStarted;

/** Tells every listener of an event; a listener that throws is logged and skipped. */
final class Events {

	private static final Logger logger = LoggerFactory.getLogger(Events.class);

	private final List<MigrationListener> listeners;

	Events(List<MigrationListener> listeners) {
		this.listeners = listeners;
	}

	void runStarted(RunStarted event) {
		each((listener) -> listener.runStarted(event));
	}

	void runFinished(RunFinished event) {
		each((listener) -> listener.runFinished(event));
	}

	void lockWaiting(LockWaiting event) {
		each((listener) -> listener.lockWaiting(event));
	}

	void lockAcquired(LockAcquired event) {
		each((listener) -> listener.lockAcquired(event));
	}

	void stepStarted(StepStarted event) {
		each((listener) -> listener.stepStarted(event));
	}

	void stepFinished(StepFinished event) {
		each((listener) -> listener.stepFinished(event));
	}

	void stepFailed(StepFailed event) {
		each((listener) -> listener.stepFailed(event));
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
