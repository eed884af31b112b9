package dev.migrate.revision;

import java.util.List;

/** A target that needs one head ({@code head}, {@code label@head}) met several. */
public class MultipleHeadsException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final List<String> heads;

	private final String argument;

	MultipleHeadsException(List<String> heads, String argument) {
		super("Multiple head revisions are present for given argument '" + argument + "': "
				+ String.join(", ", heads) + "; please specify a specific target revision, '<branchname>@"
				+ argument + "' to narrow to a specific head, or 'heads' for all heads");
		this.heads = List.copyOf(heads);
		this.argument = argument;
	}

	/** The heads that matched. */
	public List<String> heads() {
		return this.heads;
	}

	/** The target as given. */
	public String argument() {
		return this.argument;
	}

}
