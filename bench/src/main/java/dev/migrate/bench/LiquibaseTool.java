package dev.migrate.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase: one changelog with a changeset per revision, run as Spring Boot's
 * {@code SpringLiquibase} runs it (a {@link Liquibase} on the application's connection).
 * Anonymous analytics are turned off (they would call out to the network), and its logs and
 * console messages are silenced.
 */
final class LiquibaseTool implements Contender {

	private static final Logger quiet = Logger.getLogger("liquibase");

	static {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		// as Spring Boot's Liquibase integration does by default: the update summary goes to the log
		System.setProperty("liquibase.showSummaryOutput", "log");
		quiet.setLevel(Level.OFF);
	}

	@Override
	public int migrate(Target target) throws Exception {
		return run(target, (liquibase) -> {
			liquibase.update(new Contexts(), new LabelExpression());
			return -1;
		});
	}

	@Override
	public int info(Target target) throws Exception {
		return run(target, (liquibase) -> liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size());
	}

	private static int run(Target target, Command command) throws Exception {
		int[] result = new int[1];
		try (Connection connection = DriverManager.getConnection(target.url(), target.user(), null);
				DirectoryResourceAccessor resources = new DirectoryResourceAccessor(target.workload().liquibase())) {
			Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()), () -> {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				Liquibase liquibase = new Liquibase(target.liquibaseChangelog(), resources, database);
				result[0] = command.run(liquibase);
			});
		}
		return result[0];
	}

	private interface Command {

		int run(Liquibase liquibase) throws Exception;

	}

}
