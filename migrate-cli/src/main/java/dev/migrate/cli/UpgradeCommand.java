package dev.migrate.cli;

import dev.migrate.revision.Step.Direction;
import picocli.CommandLine.Command;

/** {@code migrate upgrade TARGET}: applies revisions up to a target (Alembic's {@code upgrade}). */
@Command(name = "upgrade", mixinStandardHelpOptions = true,
		description = { "Upgrade the database to a target: heads, head, an id or prefix, label@head, +N, ...",
				"With --sql, print the script instead: TARGET or FROM:TO (base:heads)." })
final class UpgradeCommand extends MoveCommand {

	@Override
	Direction direction() {
		return Direction.UPGRADE;
	}

}
