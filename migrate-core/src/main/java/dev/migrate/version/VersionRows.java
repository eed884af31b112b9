package dev.migrate.version;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What an upgrade read before it took the migration lock: the version table's rows, and the
 * heads recorded for each fingerprint. Internal to the engine.
 *
 * @param heads the version table's rows, empty when they were not read: either table is
 * missing or empty
 * @param recorded the heads recorded with each fingerprint, in the graph's order
 */
public record VersionRows(List<String> heads, Map<String, List<String>> recorded) {

	/** Nothing read. */
	public static final VersionRows NONE = new VersionRows(List.of(), Map.of());

	/** The heads recorded with a fingerprint, or {@code null} when none are (or it is {@code null}). */
	public List<String> recorded(String fingerprint) {
		return (fingerprint != null) ? this.recorded.get(fingerprint) : null;
	}

	/** Whether the database is at the heads recorded for a fingerprint. */
	public boolean atRecordedHeads(String fingerprint) {
		List<String> at = recorded(fingerprint);
		return at != null && !at.isEmpty() && sameHeads(this.heads, at);
	}

	/** Whether two lists hold the same heads, in any order. */
	public static boolean sameHeads(List<String> some, List<String> others) {
		return some.size() == others.size() && new HashSet<>(some).containsAll(others);
	}

}
