package dev.migrate.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.preinitialize.BackgroundPreinitializer;

/**
 * Loads the classes of migrate's startup upgrade on Spring Boot's background
 * preinitialization thread, while the application's environment and context are prepared,
 * so that the upgrade does not load them on the main thread. Off where Spring Boot's
 * background preinitialization is (one processor, or
 * {@code -Dspring.backgroundpreinitializer.ignore=true}).
 *
 * @see #CLASSES
 */
final class MigrateBackgroundPreinitializer implements BackgroundPreinitializer {

	/**
	 * The resource, beside this class, that names the classes a start at the heads of
	 * unchanged revisions loads, one per line.
	 */
	static final String CLASSES = "preinitialized-classes.txt";

	@Override
	public void preinitialize() throws IOException {
		ClassLoader loader = MigrateBackgroundPreinitializer.class.getClassLoader();
		for (String name : classNames()) {
			try {
				// loaded, not initialized: their static initializers run where the start needs them
				Class.forName(name, false, loader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				// the start loads it, and reports what is wrong, on its own
			}
		}
	}

	/** The classes to load, in order. */
	static List<String> classNames() throws IOException {
		List<String> names = new ArrayList<>();
		try (InputStream input = MigrateBackgroundPreinitializer.class.getResourceAsStream(CLASSES)) {
			if (input == null) {
				return names;
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String name = line.strip();
				if (!name.isEmpty() && !name.startsWith("#")) {
					names.add(name);
				}
			}
		}
		return names;
	}

}
