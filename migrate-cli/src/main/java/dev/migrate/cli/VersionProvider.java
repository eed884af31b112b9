package dev.migrate.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine.IVersionProvider;

/** Prints {@code migrate <version>} from the version resource written by the build. */
final class VersionProvider implements IVersionProvider {

	@Override
	public String[] getVersion() throws IOException {
		return new String[] { "migrate " + version() };
	}

	static String version() throws IOException {
		Properties properties = new Properties();
		try (InputStream input = VersionProvider.class.getResourceAsStream("version.properties")) {
			if (input != null) {
				properties.load(input);
			}
		}
		return properties.getProperty("version", "(unknown version)");
	}

}
