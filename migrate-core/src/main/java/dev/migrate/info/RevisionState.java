package dev.migrate.info;

/** Where a revision stands in a database. */
public enum RevisionState {

	/** Applied: a current head or an ancestor (or dependency) of one. */
	APPLIED,

	/** Applied and recorded as a head in the version table. */
	CURRENT,

	/** Not applied; upgrading to {@code heads} would apply it. */
	PENDING,

	/** Recorded in the version table but unknown to the loaded revisions (a newer build ran). */
	UNKNOWN

}
