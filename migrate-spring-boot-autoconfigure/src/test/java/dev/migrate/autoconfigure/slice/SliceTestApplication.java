package dev.migrate.autoconfigure.slice;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;

/**
 * The configuration that {@code @JdbcTest} and {@code @DataJpaTest} find for the tests of
 * this package.
 */
@SpringBootConfiguration
@AutoConfigurationPackage
class SliceTestApplication {

}
