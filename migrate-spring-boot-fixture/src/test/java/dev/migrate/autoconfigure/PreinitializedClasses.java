package dev.migrate.autoconfigure;

import java.io.IOException;
import java.util.List;

/**
 * The classes {@link MigrateBackgroundPreinitializer} loads, read by its own parser, for the
 * fixture's tests in another package.
 */
public final class PreinitializedClasses {

	private PreinitializedClasses() {
	}

	/** The class names of {@code preinitialized-classes.txt}, in order. */
	public static List<String> names() throws IOException {
		return MigrateBackgroundPreinitializer.classNames();
	}

}
