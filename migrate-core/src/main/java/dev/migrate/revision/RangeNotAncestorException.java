package dev.migrate.revision;

/** The two ends of a range or a plan are not ancestor and descendant of each other. */
public class RangeNotAncestorException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String lower;

	private final String upper;

	RangeNotAncestorException(String lower, String upper) {
		this(lower, upper, "Revision " + ((lower != null) ? lower : "base") + " is not an ancestor of revision "
				+ ((upper != null) ? upper : "base"));
	}

	RangeNotAncestorException(String lower, String upper, String message) {
		super(message);
		this.lower = lower;
		this.upper = upper;
	}

	/** The lower end, or {@code null} for base. */
	public String lower() {
		return this.lower;
	}

	/** The upper end, or {@code null} for base. */
	public String upper() {
		return this.upper;
	}

}
