package dev.migrate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.event.LockAcquired;
import dev.migrate.event.LockWaiting;
import dev.migrate.event.MigrationListener;
import dev.migrate.event.RunFinished;
import dev.migrate.event.StepFinished;
import dev.migrate.event.StepStarted;
import dev.migrate.revision.Step;

/**
 * Prints what a run does as Alembic logs it, on stderr so that standard output stays the
 * command's result: {@code Running upgrade 27c6a30d7c24 -> 1975ea83b712, add products table}
 * for each step, the wait for another run's lock, and nothing to do. It keeps the steps that
 * completed, for the JSON of a run that failed part way.
 */
final class Progress implements MigrationListener {

	private final PrintWriter err;

	private final List<Step> finished = new ArrayList<>();

	private boolean waiting;

	Progress(PrintWriter err) {
		this.err = err;
	}

	@Override
	public void lockWaiting(LockWaiting event) {
		this.waiting = true;
		this.err.println("Waiting for the migration lock (" + event.lock() + "), held by another run");
		this.err.flush();
	}

	@Override
	public void lockAcquired(LockAcquired event) {
		if (this.waiting) {
			this.waiting = false;
			this.err.println("Acquired the migration lock after " + Durations.format(event.waited()));
			this.err.flush();
		}
	}

	@Override
	public void stepStarted(StepStarted event) {
		this.err.println("Running " + event.step());
		this.err.flush();
	}

	@Override
	public void stepFinished(StepFinished event) {
		this.finished.add(event.step());
	}

	/** The steps that completed in this process, in order. */
	List<Step> finished() {
		return List.copyOf(this.finished);
	}

	@Override
	public void runFinished(RunFinished event) {
		if (event.isSuccess() && event.result().steps().isEmpty() && !event.command().equals("stamp")) {
			this.err.println("Nothing to " + event.command() + ": the database is at "
					+ describe(event.result().toHeads()));
			this.err.flush();
		}
	}

	/** Heads as messages name them: {@code base} for none. */
	static String describe(List<String> heads) {
		return heads.isEmpty() ? "base" : String.join(", ", heads);
	}

}
