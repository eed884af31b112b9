package dev.migrate.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What revisions inherit from their ancestors through declared down revisions, worked out in
 * one pass from the bases up: the dependencies an ancestor already has (dropped from
 * {@link Node#normalizedDependencies}) and the branch labels ({@link Node#labels}). Each
 * revision's inherited set is its parent's own object along a line of revisions, and a new
 * one only where a revision adds to it or lines merge, so the pass is linear in the graph
 * plus the size of what is inherited.
 * <p>
 * Both results are those of Alembic's {@code _normalize_depends_on} and {@code _add_branches},
 * which walk all ancestors or descendants once per revision concerned. The graph has been
 * checked for cycles before.
 */
final class Inheritance {

	private static final int[] NONE = new int[0];

	private final List<Node> nodes;

	/** The revisions with each after its down revisions. */
	private final List<Node> order;

	/**
	 * @param nodes the graph's revisions
	 * @param order the same revisions with each after its down revisions
	 */
	Inheritance(List<Node> nodes, List<Node> order) {
		this.nodes = nodes;
		this.order = order;
	}

	// ---------------------------------------------------------------- dependencies

	/**
	 * Sets each revision's normalized dependencies: its dependencies less those that an
	 * ancestor (through declared down revisions) depends on too. Only a target that several
	 * revisions depend on can be inherited, so only those targets are tracked, one bit each.
	 */
	void normalizeDependencies() {
		int[] dependents = new int[this.nodes.size()];
		for (Node node : this.nodes) {
			node.normalizedDependencies = node.dependencies;
			for (Node dependency : node.dependencies) {
				dependents[dependency.index]++;
			}
		}
		int[] bits = new int[this.nodes.size()];
		int shared = 0;
		for (int i = 0; i < bits.length; i++) {
			bits[i] = (dependents[i] > 1) ? shared++ : -1;
		}
		if (shared == 0) {
			return;
		}
		BitSet empty = new BitSet();
		BitSet[] held = new BitSet[this.nodes.size()];
		int[] unread = new int[this.nodes.size()];
		for (Node node : this.order) {
			BitSet inherited = empty;
			for (Node down : node.down) {
				inherited = union(inherited, held[down.index]);
				if (--unread[down.index] == 0) {
					held[down.index] = null;
				}
			}
			BitSet own = inherited;
			List<Node> kept = null;
			for (int i = 0; i < node.dependencies.size(); i++) {
				Node dependency = node.dependencies.get(i);
				int bit = bits[dependency.index];
				if (bit >= 0 && inherited.get(bit)) {
					if (kept == null) {
						kept = new ArrayList<>(node.dependencies.subList(0, i));
					}
					continue;
				}
				if (kept != null) {
					kept.add(dependency);
				}
				if (bit >= 0 && !own.get(bit)) {
					own = (own == inherited) ? (BitSet) inherited.clone() : own;
					own.set(bit);
				}
			}
			if (kept != null) {
				node.normalizedDependencies = List.copyOf(kept);
			}
			if (!node.next.isEmpty()) {
				held[node.index] = own;
				unread[node.index] = node.next.size();
			}
		}
	}

	/** The union of two bit sets, one of them when it holds the other; never changes either. */
	private static BitSet union(BitSet first, BitSet second) {
		if (second.isEmpty() || first == second) {
			return first;
		}
		if (first.isEmpty()) {
			return second;
		}
		BitSet union = (BitSet) first.clone();
		union.or(second);
		return union.equals(first) ? first : union.equals(second) ? second : union;
	}

	// ---------------------------------------------------------------- branch labels

	private boolean anyLabelled() {
		for (Node node : this.nodes) {
			if (!node.revision.branchLabels().isEmpty()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Sets each revision's branch labels, as Alembic spreads them: a labelled revision's labels
	 * go to all its descendants, and when its descendants are one line up to a head (no
	 * revision on it a branch point or a merge point), down the line below it too, to the next
	 * branch or merge point. A revision's own labels come first, then the others in the load
	 * order of the revisions that declare them.
	 */
	void spreadBranchLabels() {
		if (!anyLabelled()) {
			return;
		}
		int[][] labelled = new int[this.nodes.size()][];
		for (Node node : this.order) {
			int[] from = NONE;
			for (Node down : node.down) {
				from = union(from, labelled[down.index]);
			}
			labelled[node.index] = node.revision.branchLabels().isEmpty() ? from : with(from, node.index);
		}
		boolean[] line = new boolean[this.nodes.size()];
		for (int i = this.order.size() - 1; i >= 0; i--) {
			Node node = this.order.get(i);
			if (node.isRealBranchPoint() || node.isMergePoint()) {
				continue;
			}
			if (node.next.isEmpty()) {
				line[node.index] = true;
			}
			else if (line[node.next.get(0).index]) {
				line[node.index] = true;
				labelled[node.index] = labelled[node.next.get(0).index];
			}
		}
		Map<int[], Set<String>> shared = new IdentityHashMap<>();
		for (Node node : this.nodes) {
			int[] from = labelled[node.index];
			if (from.length == 0) {
				continue;
			}
			node.labels = node.revision.branchLabels().isEmpty()
					? shared.computeIfAbsent(from, (indexes) -> labels(null, indexes)) : labels(node, from);
		}
	}

	private Set<String> labels(Node first, int[] indexes) {
		Set<String> labels = new LinkedHashSet<>();
		if (first != null) {
			labels.addAll(first.revision.branchLabels());
		}
		for (int index : indexes) {
			labels.addAll(this.nodes.get(index).revision.branchLabels());
		}
		return Collections.unmodifiableSet(labels);
	}

	/** The sorted union of two sorted arrays, one of them when it holds the other. */
	private static int[] union(int[] first, int[] second) {
		if (second.length == 0 || first == second) {
			return first;
		}
		if (first.length == 0) {
			return second;
		}
		int[] union = new int[first.length + second.length];
		int size = 0;
		int i = 0;
		int j = 0;
		while (i < first.length || j < second.length) {
			if (j == second.length || (i < first.length && first[i] < second[j])) {
				union[size++] = first[i++];
			}
			else if (i == first.length || second[j] < first[i]) {
				union[size++] = second[j++];
			}
			else {
				union[size++] = first[i++];
				j++;
			}
		}
		return (size == first.length) ? first : (size == second.length) ? second : Arrays.copyOf(union, size);
	}

	private static int[] with(int[] sorted, int value) {
		int[] result = new int[sorted.length + 1];
		int i = 0;
		while (i < sorted.length && sorted[i] < value) {
			result[i] = sorted[i];
			i++;
		}
		result[i] = value;
		System.arraycopy(sorted, i, result, i + 1, sorted.length - i);
		return result;
	}

}
