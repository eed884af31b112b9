package dev.migrate.event;

/**
 * Told of what a run does, for metrics, tracing and logs. Every method has an empty
 * default; implement what you need. Called on the migrating thread; keep it quick.
 */
public interface MigrationListener {

}
