package dev.migrate.cli;

import java.io.IOException;
import java.util.List;

import dev.migrate.revision.RevisionGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code migrate merge REV... -m MSG}: a revision that revises several (Alembic's {@code merge}). */
@Command(name = "merge", mixinStandardHelpOptions = true,
		description = "Create a merge revision of the given revisions ('heads' merges all heads).")
final class MergeCommand extends CliCommand {

	@Parameters(paramLabel = "REV", arity = "1..*", description = "Revisions to merge: ids, prefixes, heads, "
			+ "label@head...")
	List<String> revisions;

	@Mixin
	NewRevisionOptions file;

	@Override
	void run(CliContext context) throws IOException {
		RevisionGraph graph = context.graph();
		new RevisionAuthor(context, this.file).create(graph.revisions(this.revisions), List.of(), true);
	}

}
