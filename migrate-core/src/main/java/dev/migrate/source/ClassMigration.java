package dev.migrate.source;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.ops.Operations;

/**
 * The migration of a revision class found by scanning: the class is instantiated when the
 * revision first runs, so that loading the graph (for {@code history}, {@code heads} ...)
 * runs no revision code.
 */
final class ClassMigration implements Migration {

	private final Class<? extends Migration> type;

	private final Constructor<?> constructor;

	private volatile Migration instance;

	ClassMigration(Class<? extends Migration> type, Constructor<?> constructor) {
		this.type = type;
		this.constructor = constructor;
	}

	Class<? extends Migration> type() {
		return this.type;
	}

	@Override
	public void upgrade(Operations op) {
		instance().upgrade(op);
	}

	@Override
	public void downgrade(Operations op) {
		instance().downgrade(op);
	}

	Migration instance() {
		Migration result = this.instance;
		if (result == null) {
			synchronized (this) {
				result = this.instance;
				if (result == null) {
					result = create();
					this.instance = result;
				}
			}
		}
		return result;
	}

	private Migration create() {
		try {
			this.constructor.setAccessible(true);
			return this.type.cast(this.constructor.newInstance());
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			throw new MigrateException("Creating revision class " + this.type.getName() + " failed: " + cause, cause);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new MigrateException("Cannot create revision class " + this.type.getName() + ": " + ex
					+ ". Make the class and its no-arg constructor public", ex);
		}
	}

	@Override
	public String toString() {
		return "ClassMigration(" + this.type.getName() + ")";
	}

}
