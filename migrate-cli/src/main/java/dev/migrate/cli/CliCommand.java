package dev.migrate.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A {@code migrate} command: a short method over the shared {@link CliContext}. Errors are
 * thrown as {@link dev.migrate.MigrateException}s and reported by {@link Main}.
 */
abstract class CliCommand implements Callable<Integer> {

	@ParentCommand
	MigrateCommand migrate;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		run(this.migrate.context());
		return 0;
	}

	abstract void run(CliContext context) throws Exception;

}
