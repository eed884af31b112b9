package dev.migrate.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.revision.Revision;

/**
 * Loads the revisions under the configured locations: the one place the command line calls
 * the engine's loader.
 */
final class RevisionsLoader {

	private RevisionsLoader() {
	}

	/**
	 * Loads revisions in load order.
	 * @throws CliException when a location the user named does not exist
	 */
	static List<Revision> load(List<LocationSetting> locations, ClassLoader classLoader) {
		List<String> resolved = new ArrayList<>();
		for (LocationSetting location : usable(locations)) {
			resolved.add(location.resolved());
		}
		throw new CliException("Loading revisions is not available yet (waiting for dev.migrate.source): " + resolved
				+ " with " + classLoader);
	}

	/**
	 * The locations to load: a missing {@code filesystem:} directory is an error, except the
	 * default one when other locations are configured.
	 */
	static List<LocationSetting> usable(List<LocationSetting> locations) {
		List<LocationSetting> usable = new ArrayList<>();
		for (LocationSetting location : locations) {
			if (location.isFilesystem() && !Files.isDirectory(location.directory())) {
				if (location.defaulted() && locations.size() > 1) {
					continue;
				}
				throw new CliException("Location " + location + " does not exist (" + location.directory()
						+ "); create it with 'migrate init " + location.text().replaceFirst("^filesystem:", "")
						+ "', or point --location (or 'location' in migrate.properties) at your revisions");
			}
			usable.add(location);
		}
		return usable;
	}

}
