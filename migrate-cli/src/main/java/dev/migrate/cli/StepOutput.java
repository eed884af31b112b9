package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.DryRun;
import dev.migrate.DryRun.PlannedStep;
import dev.migrate.revision.Revision;
import dev.migrate.revision.Step;

/**
 * Steps as the write commands print them: the steps a run took and, for {@code --dry-run},
 * the steps it would take with their SQL, as text or as one JSON array.
 */
final class StepOutput {

	private StepOutput() {
	}

	/** The steps that ran, as a JSON array. */
	static String json(List<Step> steps) {
		List<Map<String, Object>> objects = new ArrayList<>(steps.size());
		for (Step step : steps) {
			objects.add(toMap(step));
		}
		return Json.write(objects);
	}

	/** A dry run as a JSON array of steps, each with its SQL. */
	static String json(DryRun dryRun) {
		List<Map<String, Object>> objects = new ArrayList<>(dryRun.steps().size());
		for (PlannedStep planned : dryRun.steps()) {
			Map<String, Object> object = toMap(planned.step());
			object.put("sql", planned.sql());
			object.put("versionSql", planned.versionSql());
			objects.add(object);
		}
		return Json.write(objects);
	}

	/**
	 * A dry run as text: each step as Alembic names it, then its statements and the version
	 * rows it moves, indented; or that there is nothing to do.
	 */
	static String text(DryRun dryRun, String command) {
		if (dryRun.isEmpty()) {
			return "Nothing to " + command + ": the database is at " + Progress.describe(dryRun.currentHeads()) + "\n";
		}
		StringBuilder text = new StringBuilder();
		for (PlannedStep planned : dryRun.steps()) {
			text.append("Would run ").append(planned.step()).append('\n');
			planned.sql().forEach((sql) -> statement(text, sql));
			planned.versionSql().forEach((sql) -> statement(text, sql));
			text.append('\n');
		}
		text.append("The database would be at ").append(Progress.describe(dryRun.resultingHeads())).append('\n');
		return text.toString();
	}

	private static void statement(StringBuilder text, String sql) {
		String statement = sql.strip();
		if (!statement.endsWith(";") && !statement.startsWith("--")) {
			statement += ";";
		}
		statement.lines().forEach((line) -> text.append(line.isEmpty() ? "" : "    " + line).append('\n'));
	}

	static Map<String, Object> toMap(Step step) {
		Revision revision = step.revision();
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("direction", step.direction().toString());
		object.put("revision", (revision != null) ? revision.id() : null);
		object.put("from", step.fromRevisions());
		object.put("to", step.toRevisions());
		object.put("message", (revision != null) ? revision.message() : null);
		object.put("isStamp", step.isStamp());
		object.put("headsAfter", step.headsAfter());
		return object;
	}

}
