package dev.migrate.revision;

import java.util.Arrays;

/**
 * Numbers some revisions 0, 1, 2, ... for one traversal at a time, looked up by load index:
 * a stamp per revision, so starting a new numbering costs nothing however large the graph.
 */
final class Numbering {

	private final int[] stamps;

	private final int[] numbers;

	private int generation;

	Numbering(int size) {
		this.stamps = new int[size];
		this.numbers = new int[size];
	}

	/** Starts a new numbering: no revision has a number. */
	Numbering reset() {
		this.generation++;
		if (this.generation == 0) {
			Arrays.fill(this.stamps, 0);
			this.generation = 1;
		}
		return this;
	}

	void put(int index, int number) {
		this.stamps[index] = this.generation;
		this.numbers[index] = number;
	}

	/** The revision's number, or -1 when it has none in this numbering. */
	int get(int index) {
		return (this.stamps[index] == this.generation) ? this.numbers[index] : -1;
	}

}
