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
 * may find the database at the heads recorded for that fingerprint and need no graph at all.
 * Reading a thousand revision files costs about as much as opening a database connection,
 * which mostly waits on the server; started together, the two overlap. Whoever asks first
 * runs the work itself if no thread has begun it yet, so a thread that cannot start, or
 * starts late, costs nothing but the wait for the work.
 *
 * <p>The fingerprint taken at build stands for the files only until the graph is asked for:
 * the graph is loaded from the files as they are then, so the fingerprint is taken again just
 * before it loads (or is the one the thread took just before it loaded), and that one is what
 * a run records with the graph's heads, once taken again after the run and found the same: a
 * file that changed while the graph loaded or the run ran leaves nothing recorded.
 */
final class GraphLoading implements Revisions {

	private final boolean skipsUnchanged;

	private final Callable<String> fingerprinting;

	private final FutureTask<String> fingerprint;

	private final FutureTask<RevisionGraph> graph;

	/** Whether a command or a caller asked for the graph: the build's fingerprint no longer stands for it. */
	private volatile boolean wanted;

	/** The fingerprint the thread took just before it went on to load the graph, or {@code null}. */
	private volatile String justTaken;

	/** The fingerprint taken just before the graph loaded, or {@code null}. */
	private volatile String loadedFrom;

	private volatile boolean unchanged;

	/** The thread that took the build's fingerprint. */
	private volatile Thread fingerprintedBy;

	/** Whether a command used the build's fingerprint: later ones take the files as they are then. */
	private volatile boolean fingerprintUsed;

	private GraphLoading(Callable<String> fingerprinting, Callable<RevisionGraph> loading) {
		this.skipsUnchanged = fingerprinting != null;
		this.fingerprinting = (fingerprinting != null) ? fingerprinting : () -> null;
		this.fingerprint = new FutureTask<>(() -> {
			this.fingerprintedBy = Thread.currentThread();
			return this.fingerprinting.call();
		});
		this.graph = new FutureTask<>(() -> {
			String taken = this.justTaken;
			this.loadedFrom = (taken != null) ? taken : take(this.fingerprinting);
			return loading.call();
		});
	}

	/**
	 * Starts taking the fingerprint, then loading the graph when there is no fingerprint.
	 * @param fingerprinting takes the fingerprint of the files as they are, or gives
	 * {@code null} when there is none; called again before the graph loads and after a run;
	 * {@code null} when unchanged revisions are not skipped
	 * @param loading loads the graph
	 */
	static GraphLoading start(Callable<String> fingerprinting, Callable<RevisionGraph> loading) {
		GraphLoading revisions = new GraphLoading(fingerprinting, loading);
		revisions.startThread(() -> {
			revisions.fingerprint.run();
			String taken = await(revisions.fingerprint, null);
			if (revisions.wanted || taken == null) {
				if (revisions.fingerprintedBy == Thread.currentThread()) {
					revisions.justTaken = taken; // taken just now, by this thread: the graph loads from these files
				}
				revisions.graph.run();
			}
		});
		return revisions;
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
	 * The fingerprint for an upgrade that may find the database at the heads recorded for it:
	 * for the first command, the one taken when the migrator was built; for later ones, the
	 * files' as they are then; once the graph is loaded, the one of the files it was loaded
	 * from, when they still give it ({@link #loadedFingerprint()}). {@code null} when there
	 * is none, it could not be taken (loading the graph then reports what is wrong), the
	 * graph is loading or did not load, or the files changed since it loaded (the graph is
	 * then what counts).
	 */
	@Override
	public String fingerprint() {
		if (this.wanted) {
			if (!this.graph.isDone() || await(this.graph, null) == null) {
				return null;
			}
			return loadedFingerprint();
		}
		if (this.fingerprintUsed) {
			return take(this.fingerprinting);
		}
		this.fingerprintUsed = true;
		this.fingerprint.run(); // does nothing when the thread has begun or finished it
		return await(this.fingerprint, null);
	}

	@Override
	public boolean expectsFingerprint() {
		if (!this.skipsUnchanged || this.wanted || this.fingerprintUsed) {
			return false; // none, or one taken on the caller's thread when asked for
		}
		return !this.fingerprint.isDone() || await(this.fingerprint, null) != null;
	}

	@Override
	public String loadedFingerprint() {
		String before = this.loadedFrom;
		return (before != null && before.equals(take(this.fingerprinting))) ? before : null;
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

	/** A fingerprint of the files as they are now, or {@code null} when there is none or it fails. */
	private static String take(Callable<String> fingerprinting) {
		try {
			return fingerprinting.call();
		}
		catch (Exception | LinkageError ex) {
			return null;
		}
	}

	/** What a task gave, or {@code otherwise} when it failed. */
	private static <T> T await(Future<T> task, T otherwise) {
		try {
			return await(task);
		}
		catch (RuntimeException | Error ex) {
			return otherwise;
		}
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
