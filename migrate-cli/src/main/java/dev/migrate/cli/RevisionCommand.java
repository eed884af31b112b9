package dev.migrate.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.revision.MultipleHeadsException;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code migrate revision -m MSG}: a new revision on top of the head (Alembic's {@code revision}). */
@Command(name = "revision", mixinStandardHelpOptions = true,
		description = "Create a new revision file (SQL, or Java with --java) on top of the current head.")
final class RevisionCommand extends CliCommand {

	@Mixin
	NewRevisionOptions file;

	@Option(names = "--head", paramLabel = "REV",
			description = "The revision to build on: an id, a prefix, label@head, or base for a new root "
					+ "(default: head).")
	String head = "head";

	@Option(names = "--depends-on", paramLabel = "REV",
			description = "A revision (id, prefix or branch label) that must be applied first; repeatable.")
	List<String> dependsOn = new ArrayList<>();

	@Option(names = "--non-transactional",
			description = "Run the revision outside a transaction (e.g. CREATE INDEX CONCURRENTLY).")
	boolean nonTransactional;

	@Override
	void run(CliContext context) throws IOException {
		RevisionGraph graph = context.graph();
		new RevisionAuthor(context, this.file).create(downRevisions(graph), this.dependsOn, !this.nonTransactional);
	}

	private List<Revision> downRevisions(RevisionGraph graph) {
		String target = this.head.trim();
		if (target.equals("heads") || target.endsWith("@heads")) {
			throw new CliException("--head " + target + " names several revisions; give one revision, or "
					+ "merge heads with 'migrate merge heads -m MESSAGE'");
		}
		Revision revision;
		try {
			revision = graph.revision(target);
		}
		catch (MultipleHeadsException ex) {
			throw new CliException("Multiple heads are present; please specify the head revision on which the "
					+ "new revision should be based, or perform a merge. Heads: " + String.join(", ", ex.heads())
					+ " (use --head REV, or 'migrate merge heads -m MESSAGE')", ex);
		}
		return (revision != null) ? List.of(revision) : List.of();
	}

}
