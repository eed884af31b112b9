package dev.migrate.cli;

import java.util.List;

import dev.migrate.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code migrate stamp REV...}: sets the version table without running revisions (Alembic's {@code stamp}). */
@Command(name = "stamp", mixinStandardHelpOptions = true,
		description = { "Set the version table to the given revisions without running any: heads, base, ids, ...",
				"With --sql, print the script instead; FROM:TO says where the database starts." })
final class StampCommand extends CliCommand {

	@Parameters(paramLabel = "REV", arity = "1..*", description = "The revision(s) to stamp.")
	List<String> revisions;

	@Option(names = "--purge", description = "Delete every row of the version table first, whatever it holds.")
	boolean purge;

	@Option(names = "--sql", description = "Print the SQL script instead of changing the database.")
	boolean sql;

	@Override
	void run(CliContext context) {
		if (this.sql) {
			if (this.purge) {
				throw new CliException("stamp --sql cannot --purge: a script does not know the rows it would delete;"
						+ " name where the database starts as FROM:TO, or stamp the database itself with --purge");
			}
			context.out().print(context.offlineMigrator("stamp --sql").stampSql(this.revisions));
			return;
		}
		RunResult result = context.migrator("stamp").stamp(this.revisions, this.purge);
		if (context.json()) {
			context.out().println(StepOutput.json(result.steps()));
		}
	}

}
