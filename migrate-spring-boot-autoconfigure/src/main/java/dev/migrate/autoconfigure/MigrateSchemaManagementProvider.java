package dev.migrate.autoconfigure;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

import dev.migrate.Migrator;

/**
 * A {@link SchemaManagementProvider} that reports the databases that the auto-configured
 * {@link Migrator} migrates as managed, so that Hibernate does not create and drop the
 * schema of a migrated embedded database.
 */
final class MigrateSchemaManagementProvider implements SchemaManagementProvider {

	private final ObjectProvider<Migrator> migrators;

	private final Set<DataSource> dataSources = new CopyOnWriteArraySet<>();

	MigrateSchemaManagementProvider(ObjectProvider<Migrator> migrators) {
		this.migrators = migrators;
	}

	/** Records a database that a migrator migrates. */
	void managed(DataSource dataSource) {
		this.dataSources.add(dataSource);
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		// creating the migrators records their databases
		this.migrators.stream().forEach((migrator) -> {
		});
		return this.dataSources.contains(dataSource) ? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

}
