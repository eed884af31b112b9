package dev.migrate.ops;

/** What a foreign key does to referencing rows when the referenced row is deleted or its key updated. */
public enum ReferentialAction {

	/** Fail, checked at the end of the statement (or transaction, when deferred): SQL's default. */
	NO_ACTION("NO ACTION"),

	/** Fail at once. */
	RESTRICT("RESTRICT"),

	/** Delete or update the referencing rows too. */
	CASCADE("CASCADE"),

	/** Set the referencing columns to {@code NULL}. */
	SET_NULL("SET NULL"),

	/** Set the referencing columns to their defaults. */
	SET_DEFAULT("SET DEFAULT");

	private final String sql;

	ReferentialAction(String sql) {
		this.sql = sql;
	}

	/** The action as SQL writes it: {@code SET NULL}. */
	public String sql() {
		return this.sql;
	}

}
