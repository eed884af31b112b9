package dev.migrate.version;

import java.util.HashSet;
import java.util.List;

/**
 * What an upgrade read before it took the migration lock: the version table's rows, and the
 * heads recorded for the revisions' fingerprint. Internal to the engine.
 *
 * @param heads the version table's rows, or {@code null} when they were not read: either
 * table is missing, or nothing is recorded for the fingerprint
 * @param recorded the heads recorded with the fingerprint, in the graph's order, or
 * {@code null} when none are
 */
public record VersionRows(List<String> heads, List<String> recorded) {

	/** Whether the database is at the heads recorded for the fingerprint. */
	public boolean atRecordedHeads() {
		return this.heads != null && this.recorded != null && !this.recorded.isEmpty()
				&& sameHeads(this.heads, this.recorded);
	}

	/** Whether two lists hold the same heads, in any order. */
	public static boolean sameHeads(List<String> some, List<String> others) {
		return some.size() == others.size() && new HashSet<>(some).containsAll(others);
	}

}
