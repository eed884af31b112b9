package dev.migrate.revision;

/**
 * Marks of visited revisions for one traversal at a time: a stamp per revision, so starting a
 * traversal costs nothing however large the graph.
 */
final class Marks {

	private final int[] stamps;

	private int generation;

	Marks(int size) {
		this.stamps = new int[size];
	}

	/** Starts a new traversal: every revision is unmarked again. */
	Marks reset() {
		this.generation++;
		if (this.generation == 0) {
			java.util.Arrays.fill(this.stamps, 0);
			this.generation = 1;
		}
		return this;
	}

	/** Whether a revision is marked in this traversal. */
	boolean isMarked(int index) {
		return this.stamps[index] == this.generation;
	}

	/** Marks a revision; {@code false} when it was already marked in this traversal. */
	boolean mark(int index) {
		if (this.stamps[index] == this.generation) {
			return false;
		}
		this.stamps[index] = this.generation;
		return true;
	}

}
