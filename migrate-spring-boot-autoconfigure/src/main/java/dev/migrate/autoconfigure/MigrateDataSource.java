package dev.migrate.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Qualifier for the {@link javax.sql.DataSource} that the auto-configured
 * {@link dev.migrate.Migrator} migrates, when it is not the application's main one (for
 * instance a DataSource that connects as a user allowed to change the schema). Declare it
 * with {@code @Bean(defaultCandidate = false)} so that it does not compete with the main
 * DataSource.
 *
 * @since 0.1.0
 */
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE,
		ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Qualifier
public @interface MigrateDataSource {

}
