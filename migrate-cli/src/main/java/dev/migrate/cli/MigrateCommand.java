package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code migrate} command: the global options and the list of commands. */
@Command(name = "migrate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
		synopsisSubcommandLabel = "COMMAND",
		description = "Schema migrations with Alembic's model: a graph of revisions with branches, merges and "
				+ "downgrades.",
		subcommands = { InitCommand.class, RevisionCommand.class, MergeCommand.class, UpgradeCommand.class,
				DowngradeCommand.class, CurrentCommand.class, StampCommand.class, CheckCommand.class,
				HeadsCommand.class, BranchesCommand.class, HistoryCommand.class, ShowCommand.class },
		footer = { "", "Settings come from the command line, else MIGRATE_* environment variables, else the "
				+ "configuration file, else the defaults. See docs/cli.md." })
final class MigrateCommand implements Callable<Integer> {

	@Mixin
	GlobalOptions options = new GlobalOptions();

	@Spec
	CommandSpec spec;

	private final CliContext context;

	MigrateCommand(CliContext context) {
		this.context = context;
	}

	/** The context of this run, with the parsed global options. */
	CliContext context() {
		this.context.options(this.options);
		return this.context;
	}

	@Override
	public Integer call() {
		this.spec.commandLine().usage(this.context.err());
		return this.spec.exitCodeOnInvalidInput();
	}

}
