package dev.migrate.revision;

/** A revision id, prefix or branch label that names no revision, or names several. */
public class ResolutionException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String argument;

	ResolutionException(String message, String argument) {
		super(message);
		this.argument = argument;
	}

	/** The identifier as given. */
	public String argument() {
		return this.argument;
	}

}
