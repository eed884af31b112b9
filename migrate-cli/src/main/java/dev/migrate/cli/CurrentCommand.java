package dev.migrate.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import dev.migrate.Migrator;
import dev.migrate.info.MigrationInfo;
import dev.migrate.info.RevisionInfo;
import dev.migrate.info.RevisionState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate current}: the revisions the database is at (Alembic's {@code current}). */
@Command(name = "current", mixinStandardHelpOptions = true,
		description = "Show the revision(s) the database is at. Creates nothing.")
final class CurrentCommand extends CliCommand {

	private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

	private static final Pattern URL_USER_INFO = Pattern.compile("//([^/:@]+):[^/@]*@");

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	boolean verbose;

	@Option(names = "--check-heads",
			description = "Fail (exit 1) unless the database is at the heads, naming what is pending or unknown.")
	boolean checkHeads;

	@Override
	void run(CliContext context) {
		Migrator migrator = context.migrator("current");
		MigrationInfo info = migrator.info();
		if (this.checkHeads && !info.isUpToDate()) {
			migrator.check(); // throws, naming the pending and unknown revisions
			info = migrator.info();
		}
		List<String> current = current(info);
		List<String> unknown = info.unknown().stream().map(RevisionInfo::id).toList();
		if (context.json()) {
			List<Object> objects = new ArrayList<>();
			context.views().currents(current).ofIds(current).forEach((view) -> objects.add(RevisionJson.toMap(view)));
			for (String id : unknown) {
				Map<String, Object> object = new LinkedHashMap<>();
				object.put("id", id);
				object.put("isCurrent", true);
				object.put("isUnknown", true);
				objects.add(object);
			}
			context.out().println(Json.write(objects));
			return;
		}
		if (this.verbose) {
			context.out().println("Current revision(s) for " + obfuscate(context.settings().url()) + ":");
		}
		for (RevisionView view : context.views().ofIds(current)) {
			context.out().println(RevisionText.format(view, this.verbose, false, false, false, true));
		}
		unknown.forEach((id) -> context.out().println(id + " (unknown)"));
	}

	/**
	 * The revisions the database is at, as Alembic shows them: the version table's heads and
	 * the revisions they depend on that no applied revision revises, newest first.
	 */
	static List<String> current(MigrationInfo info) {
		List<RevisionInfo> applied = info.revisions()
			.stream()
			.filter((revision) -> revision.state() == RevisionState.CURRENT
					|| revision.state() == RevisionState.APPLIED)
			.toList();
		Set<String> revised = new HashSet<>();
		for (RevisionInfo revision : applied) {
			revised.addAll(revision.revision().downRevisions());
		}
		return applied.stream().map(RevisionInfo::id).filter((id) -> !revised.contains(id)).toList();
	}

	/** The URL without its password. */
	static String obfuscate(String url) {
		String hidden = URL_PASSWORD.matcher(url).replaceAll("$1***");
		return URL_USER_INFO.matcher(hidden).replaceAll("//$1:***@");
	}

}
