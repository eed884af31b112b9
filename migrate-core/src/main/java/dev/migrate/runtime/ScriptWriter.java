package dev.migrate.runtime;

import java.util.List;

import dev.migrate.Migration;
import dev.migrate.dialect.Dialect;
import dev.migrate.ops.LiveDatabaseRequiredException;
import dev.migrate.ops.RecordingOperations;
import dev.migrate.revision.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step;
import dev.migrate.version.HistoryRecord;
import dev.migrate.version.VersionStore;

/**
 * Renders a plan as a script that psql (or the database's own client) runs: the version and
 * history tables created unless they exist, then for each step a comment, its revision's
 * statements, the version rows it moves and its history row. On a database with
 * transactional DDL each transactional revision is wrapped in {@code BEGIN;}/{@code COMMIT;}
 * (the whole script, with transaction mode ALL); a non-transactional revision never is.
 */
final class ScriptWriter {

	private final Dialect dialect;

	private final VersionStore store;

	private final boolean group;

	private final StringBuilder out = new StringBuilder();

	ScriptWriter(Dialect dialect, VersionStore store, boolean group) {
		this.dialect = dialect;
		this.store = store;
		this.group = group;
	}

	String write(String title, Plan plan) {
		this.out.append("-- ").append(title).append("\n\n");
		this.store.createScript().forEach(this::statement);
		List<String> heads = plan.currentHeads();
		boolean inTransaction = false;
		for (Step step : plan.steps()) {
			Revision revision = step.revision();
			boolean transactional = revision == null || revision.isTransactional();
			this.out.append("-- Running ").append(step).append("\n\n");
			List<String> statements = render(this.dialect, step);
			if (transactional && this.dialect.transactionalDdl()) {
				if (!inTransaction) {
					statement(this.dialect.beginTransaction());
					inTransaction = true;
				}
			}
			else if (inTransaction) {
				statement(this.dialect.commitTransaction());
				inTransaction = false;
			}
			statements.forEach(this::statement);
			this.store.changeScript(step.versionChanges()).forEach(this::statement);
			statement(this.store.historyScript(new HistoryRecord((revision != null) ? revision.id() : null,
					StepRunner.operation(step), heads, step.headsAfter(), (revision != null) ? revision.message() : null,
					(revision != null) ? revision.checksum() : null, null, null, null, true)));
			if (inTransaction && !this.group) {
				statement(this.dialect.commitTransaction());
				inTransaction = false;
			}
			heads = step.headsAfter();
		}
		if (inTransaction) {
			statement(this.dialect.commitTransaction());
		}
		return this.out.toString();
	}

	/** The statements a step's revision renders to, its migration run against a rendering sink. */
	static List<String> render(Dialect dialect, Step step) {
		Revision revision = step.revision();
		if (revision == null || revision.migration() == null) {
			return List.of();
		}
		RenderingSink sink = new RenderingSink(dialect);
		Migration migration = revision.migration();
		RecordingOperations operations = new RecordingOperations(dialect, sink, revision);
		if (step.isUpgrade()) {
			migration.upgrade(operations);
		}
		else {
			migration.downgrade(operations);
		}
		return sink.statements();
	}

	/**
	 * The statements a step's revision renders to for a dry run: for a revision that reads
	 * the database through JDBC, a comment saying that they are known only when it runs.
	 */
	static List<String> renderForDryRun(Dialect dialect, Step step) {
		try {
			return render(dialect, step);
		}
		catch (LiveDatabaseRequiredException ex) {
			return List.of("-- " + step.revision().id() + " reads the database through JDBC: its statements are"
					+ " known only when it runs");
		}
	}

	private void statement(String sql) {
		if (this.dialect.name().equals("mariadb") && sql.indexOf(';') >= 0) {
			// a body with semicolons (a procedure, a trigger) needs another delimiter for the client
			this.out.append("DELIMITER $$\n").append(sql).append("$$\nDELIMITER ;\n\n");
			return;
		}
		this.out.append(sql).append(";\n\n");
	}

}
