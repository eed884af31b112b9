package dev.migrate.info;

import java.util.List;

/**
 * The whole picture of one database against the loaded revisions: the read model behind
 * {@code current}, {@code history}, the actuator endpoint and the health indicator.
 *
 * @param currentHeads the heads recorded in the version table
 * @param heads the heads of the loaded revisions
 * @param revisions every loaded revision (newest first, as {@code history} lists them)
 * followed by the unknown ones
 * @param pending the revisions an upgrade to {@code heads} would apply, in the order it
 * would apply them
 */
public record MigrationInfo(List<String> currentHeads, List<String> heads, List<RevisionInfo> revisions,
		List<RevisionInfo> pending) {

	public MigrationInfo {
		currentHeads = List.copyOf(currentHeads);
		heads = List.copyOf(heads);
		revisions = List.copyOf(revisions);
		pending = List.copyOf(pending);
	}

	/** Revisions recorded in the database that the loaded revisions do not know. */
	public List<RevisionInfo> unknown() {
		return this.revisions.stream().filter((info) -> info.state() == RevisionState.UNKNOWN).toList();
	}

	/** Whether the database is at the heads: nothing pending, nothing unknown. */
	public boolean isUpToDate() {
		return this.pending.isEmpty() && unknown().isEmpty();
	}

}
