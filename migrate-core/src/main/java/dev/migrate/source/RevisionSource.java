package dev.migrate.source;

import java.util.Collection;

import dev.migrate.revision.Revision;

/**
 * Revisions that code other than the engine's loader finds (the Spring Boot starter's scan of
 * the application's resources, for instance), with a way to tell whether they changed without
 * loading them. See {@code Migrator.Builder.revisions(RevisionSource)}.
 */
public interface RevisionSource {

	/**
	 * Adds what the revisions are loaded from to a fingerprint, without loading them, such that
	 * the same fingerprint always loads the same revisions: see {@link RevisionLoader#fingerprint}.
	 * @return {@code false} when that cannot be told without loading them
	 */
	boolean fingerprint(Fingerprint fingerprint);

	/**
	 * Loads the revisions.
	 * @throws RuntimeException naming the file or revision that does not load
	 */
	Collection<Revision> load();

}
