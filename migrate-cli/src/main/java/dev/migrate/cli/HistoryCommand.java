package dev.migrate.cli;

import java.util.List;

import dev.migrate.revision.RangeNotAncestorException;
import dev.migrate.revision.Revision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate history}: revisions newest first (Alembic's {@code history}). */
@Command(name = "history", mixinStandardHelpOptions = true,
		description = "List revisions from newest to oldest, optionally within a range.")
final class HistoryCommand extends CliCommand {

	@Option(names = { "-r", "--rev-range" }, paramLabel = "[START]:[END]",
			description = "Only revisions in this range: A:B, A:, :B; ends may be ids, heads, base, "
					+ "label@base, -N (start) or +N (end).")
	String range;

	@Option(names = { "-v", "--verbose" }, description = "Show each revision in full.")
	boolean verbose;

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
		if ("current".equals(base) || "current".equals(head)) {
			throw context.needsDatabase("The range end 'current' in history -r " + this.range);
		}
		String lower = (base != null) ? base : "base";
		String upper = (head != null) ? head : "heads";
		List<Revision> revisions;
		try {
			revisions = context.graph().walk(lower, upper);
		}
		catch (RangeNotAncestorException ex) {
			throw new CliException("Requested range " + lower + ":" + upper + " does not refer to "
					+ "ancestor/descendant revisions along the same branch", ex);
		}
		context.print(context.views().of(revisions),
				(revision) -> RevisionText.format(revision, this.verbose, true, true, true, true));
	}

	private static String blankToNull(String text) {
		String value = text.strip();
		return value.isEmpty() ? null : value;
	}

}
