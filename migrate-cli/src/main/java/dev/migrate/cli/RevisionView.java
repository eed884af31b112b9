package dev.migrate.cli;

import java.util.List;

/**
 * A revision as the read-side commands print it: the revision's own fields plus what the
 * graph knows about it.
 *
 * @param id the revision id
 * @param downRevisions the revisions it revises
 * @param dependsOn its dependencies, as declared
 * @param branchLabels its branch labels, own and inherited
 * @param message the one-line message
 * @param createDate the creation date as written, or {@code null}
 * @param source where it comes from, for people
 * @param path the file it comes from, or {@code null} for a Java class
 * @param nextRevisions the revisions that revise it, in load order
 * @param head whether nothing revises it
 * @param realHead whether nothing revises or depends on it
 * @param branchPoint whether several revisions revise it
 * @param mergePoint whether it revises several revisions
 * @param current whether the database is at it
 * @param transactional whether it runs in a transaction
 */
record RevisionView(String id, List<String> downRevisions, List<String> dependsOn, List<String> branchLabels,
		String message, String createDate, String source, String path, List<String> nextRevisions, boolean head,
		boolean realHead, boolean branchPoint, boolean mergePoint, boolean current, boolean transactional) {

	/** Whether it is a head only because something depends on it ({@code (effective head)}). */
	boolean effectiveHead() {
		return this.head && !this.realHead;
	}

}
