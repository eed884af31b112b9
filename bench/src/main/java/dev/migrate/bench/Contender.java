package dev.migrate.bench;

/**
 * One tool under measurement. Every call starts from the tool's configuration, as an
 * application's boot does: nothing is cached between calls.
 */
interface Contender {

	/**
	 * Brings the database to the workload's last revision, on one connection with a
	 * transaction per revision.
	 * @return how many revisions ran (0 at the heads), where the tool says
	 */
	int migrate(Target target) throws Exception;

	/**
	 * Reads where the database stands against the workload (Flyway {@code info}, Liquibase
	 * {@code status}, migrate {@code info}).
	 * @return how many revisions are pending
	 */
	int info(Target target) throws Exception;

	/** The contender of a tool, by name: {@code raw}, {@code migrate}, {@code flyway}, {@code liquibase}. */
	static Contender named(String tool) {
		String type = switch (tool) {
			case "raw" -> "RawJdbc";
			case "migrate" -> "MigrateTool";
			case "flyway" -> "FlywayTool";
			case "liquibase" -> "LiquibaseTool";
			default -> throw new IllegalArgumentException("Unknown tool '" + tool
					+ "': use raw, migrate, flyway or liquibase");
		};
		try {
			// by name, so that a process holds only the classes (and jars) of its tool
			return (Contender) Class.forName(Contender.class.getPackageName() + "." + type)
				.getDeclaredConstructor()
				.newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create the " + tool + " contender", ex);
		}
	}

	/**
	 * A database and the workload to bring it to.
	 * @param url the database's JDBC URL
	 * @param user the user
	 * @param workload the revisions, in every tool's format
	 * @param liquibaseChangelog which Liquibase changelog to run ({@link Workload#LIQUIBASE_SQL} or
	 * {@link Workload#LIQUIBASE_XML})
	 */
	record Target(String url, String user, Workload workload, String liquibaseChangelog) {

		String[] toArguments() {
			return new String[] { this.url, this.user, this.workload.root().toString(),
					Integer.toString(this.workload.size()), this.liquibaseChangelog };
		}

		static Target fromArguments(String[] args, int from) {
			return new Target(args[from], args[from + 1],
					Workload.of(java.nio.file.Path.of(args[from + 2]), Integer.parseInt(args[from + 3])), args[from + 4]);
		}

	}

}
