package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import dev.migrate.Migrator;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;

/**
 * What one run of the command line works with: its streams, environment and working
 * directory (injected, so tests run in-process), and what commands share, loaded on first
 * use: the settings, the class loader for Java revisions, the revision graph and the
 * {@link Migrator} over the database.
 */
final class CliContext implements AutoCloseable {

	private final Map<String, String> environment;

	private final Path workingDirectory;

	private final PrintWriter out;

	private final PrintWriter err;

	private final Clock clock;

	private final RandomGenerator random;

	private final Progress progress;

	private GlobalOptions options = new GlobalOptions();

	private Settings settings;

	private ClassLoader classLoader;

	private URLClassLoader ownClassLoader;

	private List<Revision> revisions;

	private RevisionGraph graph;

	private Migrator migrator;

	CliContext(Map<String, String> environment, Path workingDirectory, PrintWriter out, PrintWriter err, Clock clock,
			RandomGenerator random) {
		this.environment = Map.copyOf(environment);
		this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
		this.out = out;
		this.err = err;
		this.clock = clock;
		this.random = random;
		this.progress = new Progress(err);
	}

	void options(GlobalOptions options) {
		this.options = options;
	}

	GlobalOptions options() {
		return this.options;
	}

	PrintWriter out() {
		return this.out;
	}

	PrintWriter err() {
		return this.err;
	}

	Clock clock() {
		return this.clock;
	}

	RandomGenerator random() {
		return this.random;
	}

	Path workingDirectory() {
		return this.workingDirectory;
	}

	/** A path given by the user, resolved against the working directory. */
	Path resolve(String path) {
		return this.workingDirectory.resolve(path).toAbsolutePath().normalize();
	}

	/** A path as printed: relative to the working directory when under it. */
	String display(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		return absolute.startsWith(this.workingDirectory) && !absolute.equals(this.workingDirectory)
				? this.workingDirectory.relativize(absolute).toString() : absolute.toString();
	}

	boolean debug() {
		return this.options.debug;
	}

	Settings settings() {
		if (this.settings == null) {
			this.settings = Settings.resolve(this.options, this.environment, this.workingDirectory);
			if (debug()) {
				this.settings.origins()
					.forEach((key, origin) -> this.err.println("DEBUG: " + key + " from " + origin));
				this.err.println("DEBUG: locations " + this.settings.locations().stream()
					.map(LocationSetting::resolved).toList());
			}
		}
		return this.settings;
	}

	/** The class loader for Java revisions: the classpath setting over the CLI's own classes. */
	ClassLoader classLoader() {
		if (this.classLoader == null) {
			ClassLoader parent = CliContext.class.getClassLoader();
			List<Path> classpath = settings().classpath();
			if (classpath.isEmpty()) {
				this.classLoader = parent;
			}
			else {
				URL[] urls = new URL[classpath.size()];
				for (int i = 0; i < urls.length; i++) {
					Path entry = classpath.get(i);
					if (!Files.exists(entry)) {
						throw new CliException("Classpath entry " + entry + " (from "
								+ settings().origins().get("classpath") + ") does not exist; "
								+ "point --classpath at compiled classes or jars");
					}
					try {
						urls[i] = entry.toUri().toURL();
					}
					catch (MalformedURLException ex) {
						throw new CliException("Classpath entry " + entry + " is not a valid path", ex);
					}
				}
				this.ownClassLoader = new URLClassLoader("migrate-revisions", urls, parent);
				this.classLoader = this.ownClassLoader;
			}
		}
		return this.classLoader;
	}

	/** Loads the revisions afresh, in load order. */
	List<Revision> loadRevisions() {
		return RevisionsLoader.load(settings().locations(), classLoader(), this.workingDirectory);
	}

	/** The revisions, loaded on first use. */
	List<Revision> revisions() {
		if (this.revisions == null) {
			this.revisions = loadRevisions();
		}
		return this.revisions;
	}

	/** The revision graph, loaded on first use. */
	RevisionGraph graph() {
		if (this.graph == null) {
			this.graph = RevisionGraph.of(revisions());
		}
		return this.graph;
	}

	/**
	 * The migrator over the database the settings name and the loaded revisions.
	 * @param what the command that needs it, for the error when no database is configured
	 */
	Migrator migrator(String what) {
		if (settings().url() == null) {
			throw needsDatabase(what);
		}
		return migrator();
	}

	/**
	 * The migrator for offline scripts: its dialect comes from the URL (not connected to) or
	 * the dialect setting.
	 * @param what the command that needs it, for the error when neither is set
	 */
	Migrator offlineMigrator(String what) {
		if (settings().url() == null && settings().dialect() == null) {
			throw new CliException(what + " renders SQL for one kind of database: set --dialect postgresql|h2|mariadb"
					+ " (or MIGRATE_DIALECT, or dialect in migrate.properties), or a JDBC URL with --url, which is not "
					+ "connected to");
		}
		return migrator();
	}

	private Migrator migrator() {
		if (this.migrator == null) {
			Settings settings = settings();
			Migrator.Builder builder = Migrator.builder()
				// the revisions come loaded from the configured locations, relative to the working directory
				.locations(List.of())
				.revisions(revisions())
				// loaded already: skipping unchanged revisions would save nothing
				.skipUnchangedRevisions(false)
				.lockMode(settings.lockMode())
				.transactionMode(settings.transactionMode())
				.statementTimeout(settings.statementTimeout())
				.statementLockTimeout(settings.statementLockTimeout())
				.ignoreUnknownRevisions(settings.ignoreUnknown())
				.schema(settings.schema())
				.listener(this.progress);
			if (settings.url() != null) {
				builder.url(settings.url(), settings.user(), settings.password());
			}
			if (settings.table() != null) {
				builder.table(settings.table());
			}
			if (settings.historyTable() != null) {
				builder.historyTable(settings.historyTable());
			}
			if (settings.lockTimeout() != null) {
				builder.lockTimeout(settings.lockTimeout());
			}
			if (settings.dialect() != null) {
				builder.dialect(settings.dialect());
			}
			this.migrator = builder.build();
		}
		return this.migrator;
	}

	/** Views of revisions for printing, over the current graph. */
	RevisionViews views() {
		return new RevisionViews(graph(), this);
	}

	/** Prints revisions as the format setting says: text lines or one JSON array. */
	void print(List<RevisionView> revisions, Function<RevisionView, String> text) {
		if (settings().format() == Format.JSON) {
			this.out.println(RevisionJson.toJson(revisions));
		}
		else {
			revisions.forEach((revision) -> this.out.println(text.apply(revision)));
		}
	}

	/** The error for a command that needs a database when no URL is configured. */
	CliException needsDatabase(String what) {
		return new CliException(what + " needs a database: set its JDBC URL with --url (or MIGRATE_URL, or url in "
				+ "migrate.properties)");
	}

	/** What the migrator's runs printed and did. */
	Progress progress() {
		return this.progress;
	}

	/** Whether output is JSON. */
	boolean json() {
		return settings().format() == Format.JSON;
	}

	@Override
	public void close() throws IOException {
		if (this.ownClassLoader != null) {
			this.ownClassLoader.close();
		}
		this.out.flush();
		this.err.flush();
	}

}
