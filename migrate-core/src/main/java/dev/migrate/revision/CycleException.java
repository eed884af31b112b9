package dev.migrate.revision;

import java.util.List;

/**
 * The graph has a cycle: through down revisions ({@code Cycle}, {@code Self-loop}) or
 * through dependencies ({@code Dependency cycle}, {@code Dependency self-loop}).
 */
public class CycleException extends RevisionException {

	private static final long serialVersionUID = 1L;

	private final String kind;

	private final List<String> revisions;

	CycleException(String kind, List<String> revisions, String detail) {
		super(kind + " is detected in revisions (" + String.join(", ", revisions) + ")"
				+ ((detail != null) ? ": " + detail : ""));
		this.kind = kind;
		this.revisions = List.copyOf(revisions);
	}

	/** {@code Cycle}, {@code Self-loop}, {@code Dependency cycle} or {@code Dependency self-loop}. */
	public String kind() {
		return this.kind;
	}

	/** The revisions caught in the cycle. */
	public List<String> revisions() {
		return this.revisions;
	}

}
