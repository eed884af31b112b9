package dev.migrate.cli;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.migrate.testing.TestDatabase.Engine;

/**
 * A test run once on PostgreSQL and once on H2, given the {@link Engine} to open a
 * {@link DatabaseCli} on. PostgreSQL runs are skipped when its server cannot be reached,
 * unless {@code CI=true}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ParameterizedTest(name = "{0}")
@EnumSource(value = Engine.class, names = { "POSTGRESQL", "H2" })
@interface OnEachDatabase {

}
