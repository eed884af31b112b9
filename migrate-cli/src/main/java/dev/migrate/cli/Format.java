package dev.migrate.cli;

/** How read-side commands print revisions. */
enum Format {

	/** Alembic's text lines. */
	TEXT,

	/** A JSON array of revision objects. */
	JSON

}
