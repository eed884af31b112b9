package dev.migrate.revision;

/**
 * Numbers some revisions 0, 1, 2, ... for one traversal at a time, looked up by load index:
 * the numbered revisions are {@link Marks}, so starting a new numbering costs nothing however
 * large the graph.
 */
final class Numbering {

	private final Marks numbered;

	private final int[] numbers;

	Numbering(int size) {
		this.numbered = new Marks(size);
		this.numbers = new int[size];
	}

	/** Starts a new numbering: no revision has a number. */
	Numbering reset() {
		this.numbered.reset();
		return this;
	}

	void put(int index, int number) {
		this.numbered.mark(index);
		this.numbers[index] = number;
	}

	/** The revision's number, or -1 when it has none in this numbering. */
	int get(int index) {
		return this.numbered.isMarked(index) ? this.numbers[index] : -1;
	}

}
