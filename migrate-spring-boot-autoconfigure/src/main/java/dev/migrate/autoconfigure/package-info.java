/**
 * Spring Boot auto-configuration for migrate: a {@link dev.migrate.Migrator} from
 * {@code migrate.*} properties, upgraded on startup before anything queries the database.
 */
@NullMarked
package dev.migrate.autoconfigure;

import org.jspecify.annotations.NullMarked;
