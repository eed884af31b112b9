package dev.migrate.version;

import java.time.Instant;
import java.util.List;

/**
 * One row to append to the history table.
 *
 * @param revision the revision the step ran, or {@code null} for a stamp
 * @param operation {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param fromHeads the version table's heads before the step
 * @param toHeads the heads after it
 * @param message the revision's message, or {@code null}
 * @param checksum the revision's checksum, or {@code null}
 * @param installedBy who ran it as {@code user@host}; {@code null} in an offline script, which
 * uses the database's current user
 * @param startedAt when the step started; {@code null} in an offline script, which uses the
 * database's clock
 * @param durationMs how long it took, or {@code null} when not measured (offline scripts)
 * @param success whether it completed
 */
public record HistoryRecord(String revision, String operation, List<String> fromHeads, List<String> toHeads,
		String message, String checksum, String installedBy, Instant startedAt, Long durationMs, boolean success) {

	public HistoryRecord {
		fromHeads = List.copyOf(fromHeads);
		toHeads = List.copyOf(toHeads);
	}

}
