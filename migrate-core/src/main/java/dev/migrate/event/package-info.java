/**
 * Events of a migration run and the {@link dev.migrate.event.MigrationListener} told of
 * them, the hook for metrics and tracing (the Spring Boot module adapts them to Micrometer).
 */
package dev.migrate.event;
