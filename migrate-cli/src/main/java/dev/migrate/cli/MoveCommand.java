package dev.migrate.cli;

import dev.migrate.DryRun;
import dev.migrate.MigrateException;
import dev.migrate.Migrator;
import dev.migrate.RunResult;
import dev.migrate.revision.Step.Direction;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code upgrade} and {@code downgrade}: run the steps to a target, show them with
 * {@code --dry-run}, or render them as a script with {@code --sql} (Alembic's commands of
 * the same names).
 */
abstract class MoveCommand extends CliCommand {

	@Parameters(paramLabel = "TARGET", description = "The revision to go to; with --sql a range FROM:TO.")
	String target;

	@Option(names = "--sql", description = "Print the SQL script of the steps instead of running them; "
			+ "connects to no database.")
	boolean sql;

	@Option(names = "--dry-run", description = "Show the steps and their SQL without changing the database.")
	boolean dryRun;

	abstract Direction direction();

	@Override
	void run(CliContext context) {
		String command = direction().toString();
		if (this.sql && this.dryRun) {
			throw new CliException("--sql and --dry-run do not go together: --sql renders a script to run later "
					+ "without reading the database, --dry-run shows what " + command + " would do to it now");
		}
		if (this.sql) {
			context.out().print(context.offlineMigrator(command + " --sql").sql(direction(), this.target));
			return;
		}
		if (this.target.contains(":")) {
			throw new CliException("Range revision not allowed: " + command + " takes one target, not '" + this.target
					+ "'; a range FROM:TO is for --sql");
		}
		Migrator migrator = context.migrator(command);
		if (this.dryRun) {
			DryRun dryRun = migrator.plan(direction(), this.target);
			context.out().print(context.json() ? StepOutput.json(dryRun) + "\n" : StepOutput.text(dryRun, command));
			return;
		}
		try {
			RunResult result = (direction() == Direction.UPGRADE) ? migrator.upgrade(this.target)
					: migrator.downgrade(this.target);
			if (context.json()) {
				context.out().println(StepOutput.json(result.steps()));
			}
		}
		catch (MigrateException ex) {
			if (context.json()) {
				// the steps done before the failure stay done: say which
				context.out().println(StepOutput.json(context.progress().finished()));
			}
			throw ex;
		}
	}

}
