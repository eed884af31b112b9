package dev.migrate.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Objects;

import dev.migrate.Migration;
import dev.migrate.revision.Revision;

/**
 * Turns {@link dev.migrate.Revision @Revision} classes into {@link Revision revisions}. The
 * {@link RevisionLoader} finds such classes under {@code classpath:} locations; frameworks
 * that create the instances themselves (Spring beans that inject services) hand them in
 * with {@link #of(Migration)}.
 *
 * <p>The revision's {@link Revision#source() source} is {@code class <name>} and its checksum
 * the SHA-256 of the class file.
 */
public final class JavaRevisions {

	private JavaRevisions() {
	}

	/**
	 * The revision of a migration instance, from the {@code @Revision} annotation on its class
	 * (or on a superclass, so that a proxy subclass of the annotated class works).
	 * @param migration the migration, used as is for the revision's upgrade and downgrade
	 * @return the revision
	 * @throws RevisionSourceException if no class of the instance is annotated
	 */
	public static Revision of(Migration migration) {
		Objects.requireNonNull(migration, "migration");
		Class<?> type = migration.getClass();
		while (type != null && !type.isAnnotationPresent(dev.migrate.Revision.class)) {
			type = type.getSuperclass();
		}
		if (type == null) {
			String name = migration.getClass().getName();
			throw new RevisionSourceException("class " + name, 0, "Migration " + name + " has no @"
					+ dev.migrate.Revision.class.getName() + " annotation: annotate its class with the revision's id"
					+ " and the revisions it revises");
		}
		return revision(type, migration);
	}

	/**
	 * The revision of a migration class; the class is instantiated with its public no-arg
	 * constructor when the revision first runs.
	 * @param type a class annotated with {@code @Revision}
	 * @return the revision
	 * @throws RevisionSourceException if the class is not annotated, is abstract, or has no
	 * public no-arg constructor
	 */
	public static Revision of(Class<? extends Migration> type) {
		Objects.requireNonNull(type, "type");
		if (!type.isAnnotationPresent(dev.migrate.Revision.class)) {
			throw new RevisionSourceException("class " + type.getName(), 0, "Class " + type.getName() + " has no @"
					+ dev.migrate.Revision.class.getName() + " annotation: annotate it with the revision's id and the"
					+ " revisions it revises");
		}
		return ofAnnotated(type);
	}

	/** The revision of a class known to carry the annotation, checking it can be used. */
	static Revision ofAnnotated(Class<?> type) {
		String name = type.getName();
		String source = "class " + name;
		if (!Migration.class.isAssignableFrom(type)) {
			throw new RevisionSourceException(source, 0, "Revision class " + name + " does not implement "
					+ Migration.class.getName() + ": implement it, or remove the @Revision annotation");
		}
		if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			throw new RevisionSourceException(source, 0, "Revision class " + name
					+ " is abstract: make it concrete, or move the @Revision annotation to a concrete subclass");
		}
		Constructor<?> constructor;
		try {
			constructor = type.getConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw new RevisionSourceException(source, 0, "Revision class " + name
					+ " has no public no-arg constructor: add one" + ((type.getEnclosingClass() != null
							&& !Modifier.isStatic(type.getModifiers())) ? " and make the nested class static" : "")
					+ ", or hand an instance to JavaRevisions.of(Migration)");
		}
		return revision(type, new ClassMigration(type.asSubclass(Migration.class), constructor));
	}

	private static Revision revision(Class<?> type, Migration migration) {
		dev.migrate.Revision annotation = type.getAnnotation(dev.migrate.Revision.class);
		return Revision.builder(annotation.id())
			.revises(annotation.revises())
			.branchLabels(annotation.branchLabels())
			.dependsOn(annotation.dependsOn())
			.message(annotation.message())
			.createDate(annotation.createDate().isEmpty() ? null : annotation.createDate())
			.transactional(annotation.transactional())
			.lockTimeout(timeout(type, "lockTimeout", annotation.lockTimeout()))
			.statementTimeout(timeout(type, "statementTimeout", annotation.statementTimeout()))
			.checksum(checksum(type))
			.source("class " + type.getName())
			.migration(migration)
			.build();
	}

	private static Duration timeout(Class<?> type, String attribute, String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return Revision.parseDuration(value);
		}
		catch (IllegalArgumentException ex) {
			throw new RevisionSourceException("class " + type.getName(), 0, "@Revision(" + attribute + ") of class "
					+ type.getName() + ": " + ex.getMessage());
		}
	}

	/** The SHA-256 of the class file as the class's loader serves it, or null if it does not. */
	private static String checksum(Class<?> type) {
		String resource = "/" + type.getName().replace('.', '/') + ".class";
		try (InputStream in = type.getResourceAsStream(resource)) {
			return (in != null) ? Checksums.sha256(in.readAllBytes()) : null;
		}
		catch (IOException ex) {
			throw new RevisionSourceException("class " + type.getName(), 0, "Cannot read the class file of revision class "
					+ type.getName() + ": " + ex.getMessage(), ex);
		}
	}

}
