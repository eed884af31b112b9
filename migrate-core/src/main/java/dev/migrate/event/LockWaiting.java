package dev.migrate.event;

/**
 * The migration lock is held by another session; the run waits for it.
 *
 * @param lock the lock, described (kind and key)
 */
public record LockWaiting(String lock) {

}
