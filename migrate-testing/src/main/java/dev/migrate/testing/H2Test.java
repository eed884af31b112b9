package dev.migrate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the annotated class or method a fresh H2 in-memory database,
 * injected as a {@link TestDatabase} parameter of the test and of its
 * {@code @BeforeEach} and {@code @AfterEach} methods (the same database for all three),
 * and dropped after the test: the same as {@link TestDatabases#h2()} in a
 * try-with-resources block. Never skipped: H2 runs in this JVM.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(TestDatabaseExtension.class)
public @interface H2Test {

}
