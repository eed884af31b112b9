package dev.migrate.info;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One executed step as the history table records it.
 *
 * @param rank the order in which steps ran (ascending)
 * @param revision the revision the step ran, or {@code null} for a stamp
 * @param operation {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param fromHeads the version table's heads before the step
 * @param toHeads the version table's heads after the step
 * @param message the revision's message
 * @param checksum the revision's checksum when it ran
 * @param installedBy the database user and host that ran it, as {@code user@host}
 * @param startedAt when the step started
 * @param duration how long it took
 * @param success whether it completed
 */
public record HistoryEntry(long rank, String revision, String operation, List<String> fromHeads, List<String> toHeads,
		String message, String checksum, String installedBy, Instant startedAt, Duration duration, boolean success) {

	public HistoryEntry {
		fromHeads = List.copyOf(fromHeads);
		toHeads = List.copyOf(toHeads);
	}

}
