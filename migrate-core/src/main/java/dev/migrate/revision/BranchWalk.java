package dev.migrate.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Alembic's topological sort ({@code _topological_sort}) over a convex set of revisions (no
 * path leaves the set and comes back): walk down from the current head, unless the candidate
 * is an ancestor of another head; then switch to the first such head, in the order of the
 * list of heads.
 * <p>
 * On a convex set, "an ancestor of another head" is "has a child in the set not yet emitted",
 * a counter. The first head above the candidate comes from a key per head: heads are numbered
 * in list order, a head that moves down its line keeps its number, and new heads take larger
 * ones, so list order is key order. Each unemitted revision keeps the smallest key of the
 * heads above it; as heads only move down and new keys are larger, these minimums only grow,
 * and a change is passed on to a parent only when it was the parent's minimum. The walk is
 * linear in the set but for revisions whose minimum rises several times.
 */
final class BranchWalk {

	private static final int NONE = Integer.MAX_VALUE;

	private final Node[] nodes;

	private final Numbering local;

	private final boolean[] emitted;

	/** Children in the set not yet emitted. */
	private final int[] pending;

	/** The key of the revision's slot in the list of heads, or {@link #NONE}. */
	private final int[] key;

	/** The smallest key of the heads strictly above the revision, through unemitted children. */
	private final int[] above;

	private final List<Node> current;

	/** The key of each entry of {@link #current}: ascending. */
	private int[] keys;

	private int nextKey;

	private final List<Node> output;

	private int[] stack = new int[16];

	/**
	 * @param revisions the convex set
	 * @param current the heads to start from, in load order
	 * @param local a numbering to reuse, as large as the graph
	 */
	BranchWalk(Set<Node> revisions, List<Node> current, Numbering local) {
		int size = revisions.size();
		this.nodes = revisions.toArray(new Node[0]);
		this.local = local.reset();
		for (int i = 0; i < size; i++) {
			local.put(this.nodes[i].index, i);
		}
		this.emitted = new boolean[size];
		this.pending = new int[size];
		this.key = new int[size];
		this.above = new int[size];
		Arrays.fill(this.key, NONE);
		Arrays.fill(this.above, NONE);
		for (int i = 0; i < size; i++) {
			for (Node down : this.nodes[i].normalizedDown) {
				int parent = local.get(down.index);
				if (parent >= 0) {
					this.pending[parent]++;
				}
			}
		}
		this.current = new ArrayList<>(current);
		this.keys = new int[Math.max(8, current.size())];
		for (Node head : current) {
			this.keys[this.nextKey] = this.nextKey;
			this.key[local.get(head.index)] = this.nextKey++;
		}
		this.output = new ArrayList<>(size);
		computeAbove();
	}

	/** The smallest key above each revision, in one pass from the tops of the set down. */
	private void computeAbove() {
		int[] waiting = this.pending.clone();
		int[] ready = new int[this.nodes.length];
		int readySize = 0;
		for (int i = 0; i < this.nodes.length; i++) {
			if (waiting[i] == 0) {
				ready[readySize++] = i;
			}
		}
		for (int next = 0; next < readySize; next++) {
			int node = ready[next];
			int best = best(node);
			for (Node down : this.nodes[node].normalizedDown) {
				int parent = this.local.get(down.index);
				if (parent >= 0) {
					this.above[parent] = Math.min(this.above[parent], best);
					if (--waiting[parent] == 0) {
						ready[readySize++] = parent;
					}
				}
			}
		}
		if (readySize != this.nodes.length) {
			throw new IllegalStateException("Revisions form a cycle while sorting");
		}
	}

	private int best(int node) {
		return Math.min(this.key[node], this.above[node]);
	}

	List<Node> sort() {
		int candidateIndex = 0;
		int jumps = 0;
		while (!this.current.isEmpty()) {
			Node candidate = this.current.get(candidateIndex);
			int node = this.local.get(candidate.index);
			if (this.pending[node] > 0) {
				if (this.above[node] == NONE || ++jumps > this.current.size()) {
					throw new IllegalStateException("Revision " + candidate.id + " waits on revisions no head reaches");
				}
				candidateIndex = Arrays.binarySearch(this.keys, 0, this.current.size(), this.above[node]);
				continue;
			}
			jumps = 0;
			candidateIndex = emit(candidateIndex, node);
		}
		if (this.output.size() != this.nodes.length) {
			List<Node> left = new ArrayList<>();
			for (int i = 0; i < this.nodes.length; i++) {
				if (!this.emitted[i]) {
					left.add(this.nodes[i]);
				}
			}
			throw new IllegalStateException("Revisions not reached from the heads while sorting: " + Node.ids(left));
		}
		return this.output;
	}

	/** Emits the head at the index and moves its slot down; returns the next candidate's index. */
	private int emit(int candidateIndex, int node) {
		Node candidate = this.nodes[node];
		List<Node> parents = new ArrayList<>(candidate.normalizedDown.size());
		for (Node down : candidate.normalizedDown) {
			int parent = this.local.get(down.index);
			if (parent >= 0 && !this.emitted[parent]) {
				parents.add(down);
			}
		}
		if (!this.emitted[node]) {
			this.emitted[node] = true;
			this.output.add(candidate);
			for (Node parent : parents) {
				this.pending[this.local.get(parent.index)]--;
			}
		}
		int slot = this.key[node];
		this.key[node] = NONE;
		int[] before = new int[parents.size()];
		for (int i = 0; i < before.length; i++) {
			before[i] = best(this.local.get(parents.get(i).index));
		}
		boolean moved = false;
		for (Node parent : parents) {
			int index = this.local.get(parent.index);
			if (this.key[index] != NONE) {
				continue;
			}
			if (!moved) {
				this.current.set(candidateIndex, parent);
				this.key[index] = slot;
				moved = true;
			}
			else {
				if (this.current.size() == this.keys.length) {
					this.keys = Arrays.copyOf(this.keys, this.keys.length * 2);
				}
				this.keys[this.current.size()] = this.nextKey;
				this.current.add(parent);
				this.key[index] = this.nextKey++;
			}
		}
		int next = candidateIndex;
		if (!moved) {
			this.current.remove(candidateIndex);
			System.arraycopy(this.keys, candidateIndex + 1, this.keys, candidateIndex, this.current.size() - candidateIndex);
			next = Math.max(candidateIndex - 1, 0);
		}
		for (int i = 0; i < before.length; i++) {
			int index = this.local.get(parents.get(i).index);
			if (this.above[index] == slot) {
				this.above[index] = aboveOf(index);
			}
			if (best(index) != before[i]) {
				rose(index, before[i]);
			}
		}
		return next;
	}

	/** Passes down that the best key of a revision rose from {@code old}. */
	private void rose(int start, int old) {
		int size = 0;
		size = push(size, start, old);
		while (size > 0) {
			old = this.stack[--size];
			int node = this.stack[--size];
			for (Node down : this.nodes[node].normalizedDown) {
				int parent = this.local.get(down.index);
				if (parent < 0 || this.emitted[parent] || this.above[parent] != old) {
					continue;
				}
				int before = best(parent);
				this.above[parent] = aboveOf(parent);
				if (best(parent) != before) {
					size = push(size, parent, before);
				}
			}
		}
	}

	private int push(int size, int node, int old) {
		if (size + 2 > this.stack.length) {
			this.stack = Arrays.copyOf(this.stack, this.stack.length * 2);
		}
		this.stack[size] = node;
		this.stack[size + 1] = old;
		return size + 2;
	}

	private int aboveOf(int node) {
		int min = NONE;
		for (Node up : this.nodes[node].normalizedUp) {
			int child = this.local.get(up.index);
			if (child >= 0 && !this.emitted[child]) {
				min = Math.min(min, best(child));
			}
		}
		return min;
	}

}
