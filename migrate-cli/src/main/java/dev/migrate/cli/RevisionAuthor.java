package dev.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.lang.model.SourceVersion;

import dev.migrate.MigrateException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;

/**
 * Writes a new revision for {@code revision} and {@code merge}, as Alembic's
 * {@code generate_revision} does: checks the id, the down revisions and the branch labels,
 * resolves dependencies, then writes a SQL file into the first {@code filesystem:} location
 * (and loads it back) or a Java class.
 */
final class RevisionAuthor {

	static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

	private static final int SLUG_LENGTH = 40;

	private final CliContext context;

	private final NewRevisionOptions options;

	RevisionAuthor(CliContext context, NewRevisionOptions options) {
		this.context = context;
		this.options = options;
	}

	/**
	 * Writes the new revision.
	 * @param downRevisions the revisions it revises, resolved; empty for a new base
	 * @param dependsOn dependencies as given (ids, prefixes or branch labels)
	 * @param transactional whether it runs in a transaction
	 * @return the file written
	 */
	Path create(List<Revision> downRevisions, List<String> dependsOn, boolean transactional) throws IOException {
		RevisionGraph graph = this.context.graph();
		String id = id(graph);
		Set<String> distinct = new HashSet<>();
		for (Revision down : downRevisions) {
			if (!distinct.add(down.id())) {
				throw new CliException("Duplicate head revisions specified: " + down.id());
			}
			if (!this.options.splice && !graph.isHead(down.id())) {
				throw new CliException("Revision " + down.id() + " is not a head revision; please specify --splice "
						+ "to create a new branch from this revision");
			}
		}
		checkBranchLabels(graph, id);
		NewRevision revision = new NewRevision(id, downRevisions.stream().map(Revision::id).toList(),
				List.copyOf(this.options.branchLabels), resolveDependencies(graph, dependsOn),
				message(this.options.message), LocalDateTime.now(this.context.clock()).format(CREATE_DATE),
				transactional);
		return (this.options.javaPackage != null) ? writeJava(revision) : writeSql(revision);
	}

	private String id(RevisionGraph graph) {
		String id = this.options.revId;
		if (id == null) {
			do {
				id = String.format("%012x", this.context.random().nextLong() & 0xffff_ffff_ffffL);
			}
			while (graph.get(id) != null);
			return id;
		}
		Revision.builder(id).source("--rev-id").build();
		Revision existing = graph.get(id);
		if (existing != null) {
			throw new CliException("Revision id " + id + " (from --rev-id) already exists in " + existing.source()
					+ "; choose another id");
		}
		return id;
	}

	private void checkBranchLabels(RevisionGraph graph, String id) {
		for (String label : this.options.branchLabels) {
			Revision.builder(id).source("--branch-label").branchLabels(label).build();
			Revision named = graph.get(label);
			if (named != null || label.equals(id)) {
				throw new CliException("Branch name '" + label + "' in revision " + id + " is already a revision id ("
						+ ((named != null) ? named.source() : "the new revision") + "); choose another --branch-label");
			}
			for (Revision revision : graph.revisions()) {
				if (revision.branchLabels().contains(label)) {
					throw new CliException("Branch name '" + label + "' in revision " + id
							+ " already used by revision " + revision.id() + " (" + revision.source()
							+ "); choose another --branch-label");
				}
			}
		}
	}

	/** Ids and prefixes become full ids; branch labels stay as written (Alembic's rule). */
	private static List<String> resolveDependencies(RevisionGraph graph, List<String> dependsOn) {
		List<String> resolved = new ArrayList<>();
		for (String dependency : dependsOn) {
			Revision revision = graph.revision(dependency);
			if (revision == null) {
				throw new CliException("--depends-on " + dependency + " names no revision; give a revision id, "
						+ "a prefix of one, or a branch label");
			}
			resolved.add(graph.branchLabels(revision.id()).contains(dependency) ? dependency : revision.id());
		}
		return List.copyOf(resolved);
	}

	private Path writeSql(NewRevision revision) throws IOException {
		LocationSetting location = this.context.settings().firstFilesystemLocation();
		if (location == null) {
			throw new CliException("No filesystem: location to write the new revision into; add one with "
					+ "--location filesystem:DIR, or write a Java revision with --java PACKAGE");
		}
		Path directory = location.directory();
		if (!Files.isDirectory(directory)) {
			Status.run(this.context, "Creating directory " + directory, () -> Files.createDirectories(directory));
		}
		Path file = directory.resolve(revision.id() + "_" + slug(this.options.message) + ".sql");
		write(file, sql(revision));
		verify(file, revision);
		return file;
	}

	private void verify(Path file, NewRevision revision) throws IOException {
		try {
			Revision loaded = RevisionGraph.of(this.context.loadRevisions()).get(revision.id());
			if (loaded == null || !loaded.downRevisions().equals(revision.downRevisions())) {
				throw new CliException("it loads as " + loaded);
			}
		}
		catch (MigrateException ex) {
			Files.deleteIfExists(file);
			throw new CliException("The new revision file " + file + " did not load back, so it was removed: "
					+ ex.getMessage(), ex);
		}
	}

	private Path writeJava(NewRevision revision) throws IOException {
		String packageName = this.options.javaPackage.trim();
		if (!SourceVersion.isName(packageName)) {
			throw new CliException("--java " + packageName + " is not a Java package name; write e.g. db.revisions");
		}
		String directory = (this.options.javaDirectory != null) ? this.options.javaDirectory : "src/main/java";
		String className = javaClassName(this.options.message, revision.id());
		Path file = this.context.resolve(directory).resolve(packageName.replace('.', '/')).resolve(className + ".java");
		Files.createDirectories(file.getParent());
		write(file, java(revision, packageName, className));
		String packagePath = packageName.replace('.', '/');
		boolean found = this.context.settings().locations().stream().anyMatch((location) -> location.isClasspath()
				&& (packagePath.equals(location.resource()) || packagePath.startsWith(location.resource() + "/")));
		if (!found) {
			this.context.out().println("Note: migrate finds this class once it is compiled, its classes are on "
					+ "--classpath and a location covers its package: --location " + LocationSetting.CLASSPATH
					+ packagePath);
		}
		return file;
	}

	private void write(Path file, String text) throws IOException {
		if (Files.exists(file)) {
			throw new CliException("File " + file + " already exists; choose another --rev-id or message");
		}
		Status.run(this.context, "Generating " + file,
				() -> Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW));
	}

	/** The message as the file holds it: one line, {@code empty message} when none is given. */
	static String message(String message) {
		String line = (message != null) ? message.strip().replaceAll("\\s*\\R\\s*", " ") : "";
		return line.isEmpty() ? "empty message" : line;
	}

	/** Alembic's slug: the message's words joined by {@code _}, cut at a word end after 40 characters. */
	static String slug(String message) {
		List<String> words = new ArrayList<>();
		Matcher matcher = WORD.matcher((message != null) ? message : "");
		while (matcher.find()) {
			words.add(matcher.group());
		}
		String slug = String.join("_", words).toLowerCase(Locale.ROOT);
		if (slug.length() > SLUG_LENGTH) {
			String cut = slug.substring(0, SLUG_LENGTH);
			int end = cut.lastIndexOf('_');
			slug = ((end >= 0) ? cut.substring(0, end) : cut) + "_";
		}
		return slug;
	}

	/** The class name of a Java revision: the slug in camel case, then the id. */
	static String javaClassName(String message, String id) {
		StringBuilder name = new StringBuilder();
		for (String word : slug(message).split("_")) {
			if (!word.isEmpty()) {
				name.appendCodePoint(Character.toUpperCase(word.codePointAt(0)))
					.append(word.substring(Character.charCount(word.codePointAt(0))));
			}
		}
		if (name.length() == 0) {
			name.append("Revision");
		}
		else if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
			name.insert(0, 'R');
		}
		return name.append('_').append(id).toString();
	}

	/** The SQL revision file: a comment header, then the upgrade and downgrade sections. */
	static String sql(NewRevision revision) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(revision.message()).append('\n');
		text.append("--\n");
		text.append("-- Revision ID: ").append(revision.id()).append('\n');
		text.append("-- Revises:");
		if (!revision.downRevisions().isEmpty()) {
			text.append(' ').append(String.join(", ", revision.downRevisions()));
		}
		text.append('\n');
		if (!revision.branchLabels().isEmpty()) {
			text.append("-- Branch Labels: ").append(String.join(", ", revision.branchLabels())).append('\n');
		}
		if (!revision.dependsOn().isEmpty()) {
			text.append("-- Depends On: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		text.append("-- Create Date: ").append(revision.createDate()).append('\n');
		if (!revision.transactional()) {
			text.append("-- Transactional: false\n");
		}
		text.append("\n-- migrate:upgrade\n\n\n-- migrate:downgrade\n\n");
		return text.toString();
	}

	/** The Java revision: a {@code @Revision} class implementing {@code Migration}. */
	static String java(NewRevision revision, String packageName, String className) {
		List<String> attributes = new ArrayList<>();
		attributes.add("id = " + literal(revision.id()));
		if (!revision.downRevisions().isEmpty()) {
			attributes.add("revises = " + literals(revision.downRevisions()));
		}
		if (!revision.branchLabels().isEmpty()) {
			attributes.add("branchLabels = " + literals(revision.branchLabels()));
		}
		if (!revision.dependsOn().isEmpty()) {
			attributes.add("dependsOn = " + literals(revision.dependsOn()));
		}
		attributes.add("message = " + literal(revision.message()));
		attributes.add("createDate = " + literal(revision.createDate()));
		if (!revision.transactional()) {
			attributes.add("transactional = false");
		}
		return """
				package %s;

				import dev.migrate.Migration;
				import dev.migrate.Revision;
				import dev.migrate.ops.Operations;

				/**
				 * %s
				 */
				@Revision(
						%s)
				public class %s implements Migration {

					@Override
					public void upgrade(Operations op) {
						// op.execute("CREATE TABLE ...");
					}

					@Override
					public void downgrade(Operations op) {
						// op.execute("DROP TABLE ...");
					}

				}
				""".formatted(packageName, revision.message().replace("*/", "*&#47;").replace("@", "{@literal @}").replace("\\u", "\\\\u"),
				String.join(",\n\t\t", attributes), className);
	}

	private static String literals(List<String> values) {
		if (values.size() == 1) {
			return literal(values.get(0));
		}
		List<String> literals = values.stream().map(RevisionAuthor::literal).toList();
		return "{ " + String.join(", ", literals) + " }";
	}

	private static String literal(String value) {
		StringBuilder literal = new StringBuilder("\"");
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> literal.append("\\\"");
				case '\\' -> literal.append("\\\\");
				case '\n' -> literal.append("\\n");
				case '\r' -> literal.append("\\r");
				case '\t' -> literal.append("\\t");
				default -> {
					if (c < 0x20) {
						literal.append(String.format("\\u%04x", (int) c));
					}
					else {
						literal.append(c);
					}
				}
			}
		}
		return literal.append('"').toString();
	}

	/**
	 * The fields of a revision about to be written.
	 *
	 * @param id the revision id
	 * @param downRevisions the revisions it revises
	 * @param branchLabels its branch labels
	 * @param dependsOn its dependencies, resolved as Alembic does
	 * @param message its one-line message
	 * @param createDate when it was written
	 * @param transactional whether it runs in a transaction
	 */
	record NewRevision(String id, List<String> downRevisions, List<String> branchLabels, List<String> dependsOn,
			String message, String createDate, boolean transactional) {
	}

}
