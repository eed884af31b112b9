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
 * Loads the classes that a start at the heads of unchanged revisions (the usual restart)
 * loads, on Spring Boot's background preinitialization thread, from the moment the
 * environment is prepared while the context is created and refreshed, so that the start
 * does not load them on its main thread. Off where Spring Boot's background
 * preinitialization is (one processor, a native image, or
 * {@code -Dspring.backgroundpreinitializer.ignore=true}).
 *
 * @see #CLASSES_RESOURCE
 */
final class MigrateBackgroundPreinitializer implements BackgroundPreinitializer {

	/** The resource, beside this class, that names the classes to load, one per line. */
	static final String CLASSES_RESOURCE = "preinitialized-classes.txt";

	@Override
	public void preinitialize() throws IOException {
		preinitialize(MigrateBackgroundPreinitializer.class.getClassLoader());
	}

	void preinitialize(ClassLoader loader) throws IOException {
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

	/**
	 * The classes to load, in order.
	 * @throws IOException if the resource cannot be read or is missing
	 */
	static List<String> classNames() throws IOException {
		InputStream resource = MigrateBackgroundPreinitializer.class.getResourceAsStream(CLASSES_RESOURCE);
		if (resource == null) {
			throw new IOException("No " + CLASSES_RESOURCE + " beside " + MigrateBackgroundPreinitializer.class);
		}
		List<String> names = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource, StandardCharsets.UTF_8))) {
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
