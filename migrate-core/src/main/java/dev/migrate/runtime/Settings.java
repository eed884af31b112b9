package dev.migrate.runtime;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.migrate.LockMode;
import dev.migrate.TransactionMode;
import dev.migrate.dialect.Dialect;
import dev.migrate.event.MigrationListener;
import dev.migrate.version.VersionTables;

/**
 * A migrator's settings, as its builder collected them. Internal to the engine.
 *
 * @param dataSource where connections come from, or {@code null} when only offline scripts are made
 * @param url the JDBC URL the data source was built from, or {@code null}
 * @param dialect the dialect set explicitly, or {@code null} to detect it from the database or URL
 * @param tables the version, history and lock tables
 * @param lockTimeout how long a run waits for the migration lock
 * @param lockMode how runs exclude each other
 * @param transactionMode how revisions are grouped into transactions
 * @param statementTimeout the default statement timeout of revisions' statements, or {@code null}
 * @param statementLockTimeout the default lock timeout of revisions' statements, or {@code null}
 * @param ignoreUnknownRevisions whether commands proceed past heads the revisions do not know
 * @param listeners the listeners told of runs
 */
public record Settings(DataSource dataSource, String url, Dialect dialect, VersionTables tables, Duration lockTimeout,
		LockMode lockMode, TransactionMode transactionMode, Duration statementTimeout, Duration statementLockTimeout,
		boolean ignoreUnknownRevisions, List<MigrationListener> listeners) {

	public Settings {
		listeners = List.copyOf(listeners);
	}

}
