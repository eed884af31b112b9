package dev.migrate.bench;

/**
 * One tool's command in a process of its own, for the fresh-JVM figures:
 * {@code Main <tool> migrate|info <url> <user> <workload dir> <size> <liquibase changelog>}.
 * It exits with status 0 when the command did what was expected (at the heads: nothing to
 * run, nothing pending), 2 otherwise.
 */
public final class Main {

	private Main() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 7) {
			System.err.println("Usage: Main <raw|migrate|flyway|liquibase> <migrate|info> <url> <user> <workload dir>"
					+ " <size> <liquibase changelog>");
			System.exit(1);
		}
		Contender contender = Contender.named(args[0]);
		Contender.Target target = Contender.Target.fromArguments(args, 2);
		int result = switch (args[1]) {
			case "migrate" -> contender.migrate(target);
			case "info" -> contender.info(target);
			default -> throw new IllegalArgumentException("Unknown command '" + args[1] + "': use migrate or info");
		};
		if (result > 0) {
			System.err.println(args[0] + " " + args[1] + ": " + result + " revisions were not at the heads");
			System.exit(2);
		}
	}

}
