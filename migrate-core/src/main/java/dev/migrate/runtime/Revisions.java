package dev.migrate.runtime;

import dev.migrate.revision.RevisionGraph;

/**
 * The revisions a {@link MigrationRuntime} works on: their graph, which may still be loading,
 * and the fingerprint of what they are loaded from, which lets an upgrade at the heads skip
 * loading them. Internal to the engine.
 */
public interface Revisions {

	/**
	 * The graph, once loaded.
	 * @throws RuntimeException what loading the revisions threw
	 */
	RevisionGraph graph();

	/** Starts loading the graph in the background, for a command that will need it. */
	default void prefetch() {
	}

	/**
	 * Whether {@link #fingerprint()} will give a fingerprint that another thread is taking or
	 * took: the recorded heads are then worth reading while it is taken. {@code false} when
	 * there is none, or when it is taken on the caller's thread once asked for.
	 */
	default boolean expectsFingerprint() {
		return false;
	}

	/**
	 * The fingerprint of what the revisions are loaded from (see
	 * {@link dev.migrate.source.Fingerprint}) for an upgrade that may find the database at
	 * the heads recorded for it, or {@code null} when it is not known or not to be used
	 * (once the graph is loaded, say: the graph's own heads are then what counts).
	 */
	default String fingerprint() {
		return null;
	}

	/**
	 * The fingerprint of the files the graph was loaded from, taken just before it loaded,
	 * when the files still give it now (so that a run records it with the heads of a graph
	 * loaded from those very files); {@code null} when there is none, the graph has not
	 * loaded, or the files changed since.
	 */
	default String loadedFingerprint() {
		return null;
	}

	/**
	 * Told that a command found the database at the heads recorded for the fingerprint: the
	 * revisions are the ones a run loaded, validated and brought the database to.
	 */
	default void unchanged() {
	}

}
