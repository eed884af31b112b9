package dev.migrate.event;

import java.time.Instant;

/**
 * A write command starts.
 *
 * @param command {@code upgrade}, {@code downgrade} or {@code stamp}
 * @param target the target as given (for a stamp, the revisions joined with commas)
 * @param startedAt when it started
 */
public record RunStarted(String command, String target, Instant startedAt) {

}
