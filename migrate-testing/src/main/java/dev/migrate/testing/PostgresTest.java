package dev.migrate.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test of the annotated class or method a fresh PostgreSQL database,
 * injected as a {@link TestDatabase} parameter of the test and of its
 * {@code @BeforeEach} and {@code @AfterEach} methods (the same database for all three),
 * and dropped after the test: the same as {@link TestDatabases#postgres()} in a
 * try-with-resources block. Skipped when the server cannot be reached, failed
 * instead when {@code CI=true}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("postgresql")
@ExtendWith(TestDatabaseExtension.class)
public @interface PostgresTest {

}
