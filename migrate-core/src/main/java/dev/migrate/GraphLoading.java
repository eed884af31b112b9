package dev.migrate;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

import dev.migrate.revision.RevisionGraph;

/**
 * The revisions of a {@link Migrator}, loaded on a daemon thread started when the migrator
 * is built. Reading a thousand revision files costs about as much as opening a database
 * connection, which mostly waits on the server; started together, the two overlap. Whoever
 * asks first runs the loading itself if the thread has not begun it yet, so a thread that
 * cannot start, or starts late, costs nothing but the wait for the work.
 */
final class GraphLoading implements Supplier<RevisionGraph> {

	private final FutureTask<RevisionGraph> task;

	private GraphLoading(Callable<RevisionGraph> loading) {
		this.task = new FutureTask<>(loading);
	}

	static GraphLoading start(Callable<RevisionGraph> loading) {
		GraphLoading graph = new GraphLoading(loading);
		try {
			Thread thread = new Thread(graph.task, "migrate-revisions");
			thread.setDaemon(true);
			thread.start();
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			// No thread for it: the first caller loads the revisions.
		}
		return graph;
	}

	/**
	 * The graph, once loaded.
	 * @throws RuntimeException what loading the revisions threw
	 */
	@Override
	public RevisionGraph get() {
		this.task.run(); // does nothing when the thread has begun or finished it
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return this.task.get();
				}
				catch (InterruptedException ex) {
					interrupted = true; // the loading is short; the interrupt is kept for the caller
				}
				catch (ExecutionException ex) {
					throw rethrow(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static RuntimeException rethrow(Throwable failure) {
		if (failure instanceof RuntimeException runtime) {
			return runtime;
		}
		if (failure instanceof Error error) {
			throw error;
		}
		return new MigrateException("Loading the revisions failed: " + failure, failure);
	}

}
