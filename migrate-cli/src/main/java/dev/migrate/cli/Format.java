package dev.migrate.cli;

/** How commands print revisions and steps. */
enum Format {

	/** Alembic's text lines. */
	TEXT,

	/** A JSON array of revision objects. */
	JSON

}
