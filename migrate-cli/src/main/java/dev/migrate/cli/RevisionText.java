package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Revisions as text, read the way Alembic prints its scripts: the one-line form
 * ({@code 27c6a30d7c24 -> 1975ea83b712 (head), add products table}) and the verbose entry
 * ({@code Rev:}, {@code Parent:}, {@code Path:} and the message).
 */
final class RevisionText {

	private RevisionText() {
	}

	/**
	 * The one-line form, or the verbose entry.
	 * @param verbose whether to give the verbose entry
	 * @param includeBranches whether to add the branch labels
	 * @param includeDoc whether to add the message
	 * @param includeParents whether to start with the down revisions
	 * @param treeIndicators whether to add {@code (branchpoint)} and {@code (mergepoint)}
	 */
	static String format(RevisionView revision, boolean verbose, boolean includeBranches, boolean includeDoc,
			boolean includeParents, boolean treeIndicators) {
		return verbose ? entry(revision) : line(revision, includeBranches, includeDoc, includeParents, treeIndicators);
	}

	/** The one-line form. */
	static String line(RevisionView revision, boolean includeBranches, boolean includeDoc, boolean includeParents,
			boolean treeIndicators) {
		StringBuilder text = new StringBuilder();
		if (includeParents) {
			text.append(downRevisions(revision));
			if (!revision.dependsOn().isEmpty()) {
				text.append(" (").append(String.join(", ", revision.dependsOn())).append(')');
			}
			text.append(" -> ");
		}
		text.append(revision.id());
		if (includeBranches && !revision.branchLabels().isEmpty()) {
			text.append(" (").append(String.join(", ", revision.branchLabels())).append(')');
		}
		if (revision.realHead()) {
			text.append(" (head)");
		}
		if (revision.effectiveHead()) {
			text.append(" (effective head)");
		}
		if (revision.current()) {
			text.append(" (current)");
		}
		if (treeIndicators) {
			if (revision.branchPoint()) {
				text.append(" (branchpoint)");
			}
			if (revision.mergePoint()) {
				text.append(" (mergepoint)");
			}
		}
		if (includeDoc) {
			text.append(", ").append(revision.message());
		}
		return text.toString();
	}

	/** The verbose entry, ending with an empty line. */
	static String entry(RevisionView revision) {
		StringBuilder text = new StringBuilder("Rev: ").append(revision.id());
		if (revision.head()) {
			text.append(" (head)");
		}
		if (revision.branchPoint()) {
			text.append(" (branchpoint)");
		}
		if (revision.mergePoint()) {
			text.append(" (mergepoint)");
		}
		if (revision.current()) {
			text.append(" (current)");
		}
		text.append('\n');
		text.append(revision.mergePoint() ? "Merges: " : "Parent: ").append(downRevisions(revision)).append('\n');
		if (!revision.dependsOn().isEmpty()) {
			text.append("Also depends on: ").append(String.join(", ", revision.dependsOn())).append('\n');
		}
		if (revision.branchPoint()) {
			text.append("Branches into: ").append(String.join(", ", revision.nextRevisions())).append('\n');
		}
		if (!revision.branchLabels().isEmpty()) {
			text.append("Branch names: ").append(String.join(", ", revision.branchLabels())).append('\n');
		}
		if (revision.path() != null) {
			text.append("Path: ").append(revision.path()).append('\n');
		}
		else {
			text.append("Source: ").append(revision.source()).append('\n');
		}
		text.append('\n');
		for (String line : description(revision)) {
			text.append(line.isEmpty() ? "" : "    " + line).append('\n');
		}
		return text.toString();
	}

	/** The down revisions, {@code <base>} for none. */
	static String downRevisions(RevisionView revision) {
		return revision.downRevisions().isEmpty() ? "<base>" : String.join(", ", revision.downRevisions());
	}

	/** What Alembic shows of a script's docstring: the message and the header lines. */
	private static List<String> description(RevisionView revision) {
		List<String> lines = new ArrayList<>();
		if (!revision.message().isEmpty()) {
			lines.add(revision.message());
			lines.add("");
		}
		lines.add("Revision ID: " + revision.id());
		lines.add(("Revises: " + String.join(", ", revision.downRevisions())).strip());
		if (revision.createDate() != null && !revision.createDate().isEmpty()) {
			lines.add("Create Date: " + revision.createDate());
		}
		return lines;
	}

}
