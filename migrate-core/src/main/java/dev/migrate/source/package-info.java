/**
 * Loading revisions: SQL revision files and {@link dev.migrate.Revision @Revision} classes
 * found under {@link dev.migrate.source.Location locations}, each turned into a
 * {@link dev.migrate.revision.Revision} in Alembic's load order.
 */
package dev.migrate.source;
