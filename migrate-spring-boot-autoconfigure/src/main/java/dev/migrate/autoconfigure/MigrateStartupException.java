package dev.migrate.autoconfigure;

import dev.migrate.MigrateException;

/**
 * A {@link dev.migrate.Migrator} bean could not bring its database where the application
 * needs it on startup; the cause says why.
 *
 * @since 0.1.0
 */
public class MigrateStartupException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String migratorName;

	/**
	 * Creates an exception for a migrator that failed.
	 * @param migratorName the migrator's bean name
	 * @param cause what failed
	 */
	public MigrateStartupException(String migratorName, MigrateException cause) {
		super("Migrator '" + migratorName + "' failed on startup: " + cause.getMessage(), cause);
		this.migratorName = migratorName;
	}

	/** The bean name of the migrator that failed. */
	public String getMigratorName() {
		return this.migratorName;
	}

	@Override
	public synchronized MigrateException getCause() {
		return (MigrateException) super.getCause();
	}

}
