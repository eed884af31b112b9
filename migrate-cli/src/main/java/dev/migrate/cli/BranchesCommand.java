package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code migrate branches}: the branch points and where they lead (Alembic's {@code branches}). */
@Command(name = "branches", mixinStandardHelpOptions = true, description = "Show the branch points.")
final class BranchesCommand extends CliCommand {

	@Option(names = { "-v", "--verbose" }, description = "Show each branch point in full.")
	boolean verbose;

	@Override
	void run(CliContext context) {
		RevisionGraph graph = context.graph();
		RevisionViews views = context.views();
		List<Revision> branchPoints = new ArrayList<>();
		for (Revision revision : graph.walk("base", "heads")) {
			if (graph.isBranchPoint(revision.id())) {
				branchPoints.add(revision);
			}
		}
		context.print(views.of(branchPoints), (branchPoint) -> {
			StringBuilder text = new StringBuilder(RevisionText.format(branchPoint, this.verbose, true, false, false,
					true));
			text.append('\n');
			String indent = " ".repeat(branchPoint.id().length());
			for (RevisionView next : views.ofIds(branchPoint.nextRevisions())) {
				text.append(indent).append(" -> ").append(RevisionText.line(next, true, this.verbose, false, true));
				text.append('\n');
			}
			return text.toString();
		});
	}

}
