package dev.migrate.info;

import dev.migrate.revision.Revision;

/**
 * A revision and its state in one database.
 *
 * @param id the revision id
 * @param revision the loaded revision, or {@code null} when the state is {@link RevisionState#UNKNOWN}
 * @param state where the revision stands
 * @param lastRun the last history entry of the revision, or {@code null} if none is recorded
 */
public record RevisionInfo(String id, Revision revision, RevisionState state, HistoryEntry lastRun) {

}
