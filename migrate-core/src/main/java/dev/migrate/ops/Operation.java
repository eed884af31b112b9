package dev.migrate.ops;

/**
 * One thing a revision does to the database, recorded as a plain immutable value. A
 * {@link dev.migrate.dialect.Dialect} renders it to SQL; the same value serves online
 * execution, offline scripts and dry runs.
 */
public interface Operation {

}
