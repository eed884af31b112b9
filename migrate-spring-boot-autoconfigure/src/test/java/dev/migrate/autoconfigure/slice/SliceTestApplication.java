package dev.migrate.autoconfigure.slice;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;

/**
 * The configuration that {@code @JdbcTest} and {@code @DataJpaTest} find for the tests of
 * this package.
 */
@SpringBootConfiguration
@EntityScan(basePackageClasses = SliceTestApplication.class)
class SliceTestApplication {

}
