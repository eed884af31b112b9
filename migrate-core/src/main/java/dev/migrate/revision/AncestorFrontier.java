package dev.migrate.revision;

import java.util.Collection;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Answers "is this revision one of the heads or an ancestor of one?" by walking down from the
 * heads only as far as the question needs: nothing below the asked revision's level is
 * explored, and what was explored serves later questions. Planning a long branch asks about
 * revisions further and further down, so the walk stays linear overall.
 */
final class AncestorFrontier {

	private final PriorityQueue<Node> queue = new PriorityQueue<>((a, b) -> Integer.compare(b.level, a.level));

	private final Set<Node> discovered = new HashSet<>();

	AncestorFrontier(Collection<Node> heads) {
		for (Node head : heads) {
			if (this.discovered.add(head)) {
				this.queue.add(head);
			}
		}
	}

	/** Whether the revision is a head or an ancestor of a head, through normalized down revisions. */
	boolean reaches(Node node) {
		while (!this.queue.isEmpty() && this.queue.peek().level > node.level) {
			for (Node down : this.queue.poll().normalizedDown) {
				if (this.discovered.add(down)) {
					this.queue.add(down);
				}
			}
		}
		return this.discovered.contains(node);
	}

}
