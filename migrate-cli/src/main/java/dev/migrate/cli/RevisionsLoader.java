package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.revision.Revision;
import dev.migrate.source.Location;
import dev.migrate.source.RevisionLoader;

/**
 * Loads the revisions under the configured locations: the one place the command line calls
 * the engine's loader.
 */
final class RevisionsLoader {

	private RevisionsLoader() {
	}

	/**
	 * Loads revisions in load order. Directories under the working directory are handed to
	 * the loader relative to it, so that revision sources read {@code db/revisions/x.sql}.
	 * @throws CliException when a location the user named does not exist
	 */
	static List<Revision> load(List<LocationSetting> locations, ClassLoader classLoader, Path workingDirectory) {
		List<Location> resolved = new ArrayList<>();
		for (LocationSetting setting : usable(locations)) {
			Location location = setting.isFilesystem()
					? Location.filesystem(relative(workingDirectory, setting.directory()))
					: Location.classpath(setting.resource());
			resolved.add(setting.defaulted() ? location.asOptional() : location);
		}
		return new RevisionLoader(classLoader, workingDirectory).load(resolved);
	}

	private static String relative(Path workingDirectory, Path directory) {
		if (directory.equals(workingDirectory)) {
			return ".";
		}
		return directory.startsWith(workingDirectory) ? workingDirectory.relativize(directory).toString()
				: directory.toString();
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
