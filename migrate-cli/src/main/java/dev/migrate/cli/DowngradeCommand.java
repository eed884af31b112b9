package dev.migrate.cli;

import dev.migrate.revision.Step.Direction;
import picocli.CommandLine.Command;

/** {@code migrate downgrade TARGET}: reverts revisions down to a target (Alembic's {@code downgrade}). */
@Command(name = "downgrade", mixinStandardHelpOptions = true,
		description = { "Downgrade the database to a target: base, an id or prefix, -N, label@-N, ...",
				"With --sql, print the script instead: FROM:TO (heads:base)." })
final class DowngradeCommand extends MoveCommand {

	@Override
	Direction direction() {
		return Direction.DOWNGRADE;
	}

}
