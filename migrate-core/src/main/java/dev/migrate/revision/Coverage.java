package dev.migrate.revision;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The revisions at or below a set of heads (the version table's rows while a plan is worked
 * out), through normalized down revisions: a count per revision of its covered children, plus
 * one when it is a head itself. Adding or removing a head passes on only the revisions that
 * start or stop being covered, so keeping it over a plan, where each revision enters or leaves
 * once, costs time linear in the graph. Needs levels that order every revision below its
 * descendants.
 */
final class Coverage {

	private final int[] counts;

	private Node[] stack = new Node[16];

	/** Counts of a dry run, valid where the stamp is the dry run's. */
	private final int[] dryCounts;

	private final int[] dryStamps;

	private int dryRun;

	private final PriorityQueue<Node> falling = new PriorityQueue<>((a, b) -> Integer.compare(b.level, a.level));

	Coverage(int size) {
		this.counts = new int[size];
		this.dryCounts = new int[size];
		this.dryStamps = new int[size];
	}

	/** Whether the revision is a head or below one. */
	boolean covers(Node node) {
		return this.counts[node.index] > 0;
	}

	/** How many of the revision's children are covered, plus one when it is a head. */
	int count(Node node) {
		return this.counts[node.index];
	}

	void addHead(Node head) {
		if (this.counts[head.index]++ > 0) {
			return;
		}
		int size = push(0, head);
		while (size > 0) {
			for (Node down : this.stack[--size].normalizedDown) {
				if (this.counts[down.index]++ == 0) {
					size = push(size, down);
				}
			}
		}
	}

	void removeHead(Node head) {
		if (--this.counts[head.index] > 0) {
			return;
		}
		int size = push(0, head);
		while (size > 0) {
			for (Node down : this.stack[--size].normalizedDown) {
				if (--this.counts[down.index] == 0) {
					size = push(size, down);
				}
			}
		}
	}

	/**
	 * Which candidates would still be covered if the given heads were removed, changing
	 * nothing: a dry run of the removal that handles the revisions falling out from the highest
	 * level down, and stops as soon as none of them can be a child of a candidate still covered.
	 */
	boolean[] coveredWithout(List<Node> heads, List<Node> candidates) {
		if (++this.dryRun == 0) {
			Arrays.fill(this.dryStamps, 0);
			this.dryRun = 1;
		}
		PriorityQueue<Node> falling = this.falling;
		falling.clear();
		for (Node head : heads) {
			if (decrement(head) == 0) {
				falling.add(head);
			}
		}
		while (!falling.isEmpty() && falling.peek().level > lowestCovered(candidates)) {
			for (Node down : falling.poll().normalizedDown) {
				if (decrement(down) == 0) {
					falling.add(down);
				}
			}
		}
		boolean[] covered = new boolean[candidates.size()];
		for (int i = 0; i < covered.length; i++) {
			covered[i] = dryCount(candidates.get(i)) > 0;
		}
		return covered;
	}

	private int lowestCovered(List<Node> candidates) {
		int lowest = Integer.MAX_VALUE;
		for (Node candidate : candidates) {
			if (dryCount(candidate) > 0) {
				lowest = Math.min(lowest, candidate.level);
			}
		}
		return lowest;
	}

	private int dryCount(Node node) {
		return (this.dryStamps[node.index] == this.dryRun) ? this.dryCounts[node.index] : this.counts[node.index];
	}

	private int decrement(Node node) {
		int count = dryCount(node) - 1;
		this.dryStamps[node.index] = this.dryRun;
		this.dryCounts[node.index] = count;
		return count;
	}

	private int push(int size, Node node) {
		if (size == this.stack.length) {
			this.stack = Arrays.copyOf(this.stack, size * 2);
		}
		this.stack[size] = node;
		return size + 1;
	}

}
