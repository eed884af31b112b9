package dev.migrate;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

import dev.migrate.revision.RevisionGraph;
import dev.migrate.runtime.Revisions;

/**
 * The revisions of a {@link Migrator}, taken on a daemon thread started when the migrator is
 * built. The thread first takes the fingerprint of the revision files (listing them with
 * their sizes and times), then loads the graph: at once when there is no fingerprint, else
 * only once a command asks for it ({@link #prefetch()} or {@link #graph()}), since an upgrade
 * may find the database at the heads recorded for the fingerprint and need no graph at all.
 * Reading a thousand revision files costs about as much as opening a database connection,
 * which mostly waits on the server; started together, the two overlap. Whoever asks first
 * runs the work itself if no thread has begun it yet, so a thread that cannot start, or
 * starts late, costs nothing but the wait for the work.
 */
final class GraphLoading implements Revisions {

	private final FutureTask<String> fingerprint;

	private final FutureTask<RevisionGraph> graph;

	private volatile boolean wanted;

	private volatile boolean unchanged;

	private GraphLoading(Callable<String> fingerprint, Callable<RevisionGraph> graph) {
		this.fingerprint = new FutureTask<>(fingerprint);
		this.graph = new FutureTask<>(graph);
	}

	/**
	 * Starts taking the fingerprint, then loading the graph when there is no fingerprint.
	 * @param fingerprint takes the fingerprint, or gives {@code null} when there is none
	 * @param graph loads the graph
	 */
	static GraphLoading start(Callable<String> fingerprint, Callable<RevisionGraph> graph) {
		GraphLoading loading = new GraphLoading(fingerprint, graph);
		loading.startThread(() -> {
			loading.fingerprint.run();
			if (loading.wanted || loading.fingerprint() == null) {
				loading.graph.run();
			}
		});
		return loading;
	}

	private void startThread(Runnable work) {
		try {
			Thread thread = new Thread(work, "migrate-revisions");
			thread.setDaemon(true);
			thread.start();
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			// No thread for it: the first caller does the work.
		}
	}

	@Override
	public void prefetch() {
		if (this.wanted) {
			return;
		}
		this.wanted = true;
		if (this.fingerprint.isDone() && !this.graph.isDone()) {
			// the first thread may have ended without loading; a second run of the task does nothing
			startThread(this.graph::run);
		}
	}

	/**
	 * The fingerprint, once taken; {@code null} when there is none or it could not be taken
	 * (loading the graph then reports what is wrong).
	 */
	@Override
	public String fingerprint() {
		this.fingerprint.run(); // does nothing when the thread has begun or finished it
		try {
			return await(this.fingerprint);
		}
		catch (RuntimeException | Error ex) {
			return null;
		}
	}

	@Override
	public void unchanged() {
		this.unchanged = true;
	}

	/** Whether a command found the revisions unchanged since a run loaded them. */
	boolean isUnchanged() {
		return this.unchanged;
	}

	/**
	 * The graph, once loaded.
	 * @throws RuntimeException what loading the revisions threw
	 */
	@Override
	public RevisionGraph graph() {
		this.wanted = true;
		this.graph.run(); // does nothing when a thread has begun or finished it
		return await(this.graph);
	}

	private static <T> T await(Future<T> task) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return task.get();
				}
				catch (InterruptedException ex) {
					interrupted = true; // the work is short; the interrupt is kept for the caller
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
