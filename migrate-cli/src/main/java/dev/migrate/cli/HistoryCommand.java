package dev.migrate.cli;

import java.util.List;

import dev.migrate.revision.RangeNotAncestorException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Traversal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate history}: revisions newest first (Alembic's {@code history}). */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "List revisions from newest to oldest, optionally within a range.")
final class HistoryCommand extends CliCommand {

	private static final String CURRENT = "current";

	/** How {@code history} walks, as {@link dev.migrate.revision.RevisionGraph#walk}. */
	private static final Traversal WALK = Traversal.DEFAULT.inclusive(true).assertRelativeLength(false);

	@Option(names = { "-r", "--rev-range" }, paramLabel = "[START]:[END]",
			description = "Only revisions in this range: A:B, A:, :B; ends may be ids, heads, base, "
					+ "label@base, current (the database's revisions), -N (start) or +N (end).")
	String range;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	boolean verbose;

	@Option(names = { "-i", "--indicate-current" },
			description = "Mark the revisions the database is at with (current).")
	boolean indicateCurrent;

	@Override
	void run(CliContext context) {
		String base = null;
		String head = null;
		if (this.range != null) {
			String range = this.range.strip();
			int colon = range.indexOf(':');
			if (colon < 0 || range.indexOf(':', colon + 1) >= 0) {
				throw new CliException("History range requires [start]:[end], [start]:, or :[end]; got '"
						+ this.range + "'");
			}
			base = blankToNull(range.substring(0, colon));
			head = blankToNull(range.substring(colon + 1));
		}
		List<String> currents = List.of();
		if (CURRENT.equals(base) || CURRENT.equals(head) || this.indicateCurrent) {
			String what = this.indicateCurrent ? "history --indicate-current" : "history -r " + this.range;
			currents = context.migrator(what).current();
			if (CURRENT.equals(base) || CURRENT.equals(head)) {
				requireKnown(context, currents);
			}
		}
		List<String> lower = CURRENT.equals(base) ? currents : List.of((base != null) ? base : "base");
		List<String> upper = CURRENT.equals(head) ? currents : List.of((head != null) ? head : "heads");
		List<Revision> revisions;
		try {
			// a database at base has no current revisions: nothing lies below them
			revisions = upper.isEmpty() ? List.of() : context.graph().iterate(upper, lower, WALK);
		}
		catch (RangeNotAncestorException ex) {
			throw new CliException("Requested range " + describe(lower, "base") + ":" + describe(upper, "base")
					+ " does not refer to ancestor/descendant revisions along the same branch", ex);
		}
		RevisionViews views = context.views();
		if (this.indicateCurrent) {
			views.currents(currents);
		}
		context.print(views.of(revisions),
				(revision) -> RevisionText.format(revision, this.verbose, true, true, true, true));
	}

	private void requireKnown(CliContext context, List<String> currents) {
		List<String> unknown = currents.stream().filter((id) -> context.graph().get(id) == null).toList();
		if (!unknown.isEmpty()) {
			throw new CliException("The range " + this.range + " starts or ends at the database's current revisions, "
					+ "but the database is at " + String.join(", ", unknown)
					+ ", unknown to these revisions: run the build that has them, or fix the locations");
		}
	}

	private static String describe(List<String> ends, String none) {
		return ends.isEmpty() ? none : String.join(",", ends);
	}

	private static String blankToNull(String text) {
		String value = text.strip();
		return value.isEmpty() ? null : value;
	}

}
