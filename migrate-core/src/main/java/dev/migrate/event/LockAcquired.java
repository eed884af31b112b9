package dev.migrate.event;

import java.time.Duration;

/**
 * The run holds the migration lock.
 *
 * @param lock the lock, described (kind and key)
 * @param waited how long the run waited for it ({@link Duration#ZERO} when it was free)
 */
public record LockAcquired(String lock, Duration waited) {

}
