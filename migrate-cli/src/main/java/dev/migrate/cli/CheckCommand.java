package dev.migrate.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.migrate.Migrator;
import picocli.CommandLine.Command;

/** {@code migrate check}: fails unless the database is at the heads. */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = "Exit 0 when the database is at the heads; else exit 1 naming the pending and unknown "
				+ "revisions. Creates nothing.")
final class CheckCommand extends CliCommand {

	@Override
	void run(CliContext context) {
		Migrator migrator = context.migrator("check");
		migrator.check();
		List<String> current = migrator.current();
		if (context.json()) {
			Map<String, Object> object = new LinkedHashMap<>();
			object.put("upToDate", true);
			object.put("current", current);
			context.out().println(Json.write(object));
		}
		else {
			context.out().println("The database is at the heads: " + Progress.describe(current));
		}
	}

}
