package dev.migrate;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a {@link Migration} class as a revision of the graph, with the same fields a SQL
 * revision file names in its header.
 *
 * <pre>{@code
 * @Revision(id = "1975ea83b712", revises = "27c6a30d7c24", message = "add products table")
 * public class AddProducts implements Migration { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Revision {

	/** The revision id: 1 to 32 characters of {@code [0-9a-z_]}. */
	String id();

	/** The revisions this one follows: none for a base, several for a merge point. */
	String[] revises() default {};

	/** A one-line description, shown by {@code history} and in logs. */
	String message() default "";

	/** Labels naming the branch this revision starts or belongs to. */
	String[] branchLabels() default {};

	/** Revisions (or branch labels) that must be applied first without being parents. */
	String[] dependsOn() default {};

	/** Whether the revision runs inside a transaction; false runs it in autocommit. */
	boolean transactional() default true;

	/** When the revision was written, as {@code yyyy-MM-dd HH:mm:ss}; informational only. */
	String createDate() default "";

	/**
	 * How long each statement may wait for a lock on PostgreSQL ({@code lock_timeout}), such
	 * as {@code "5s"} or {@code "500ms"}; empty uses the migrator's setting.
	 */
	String lockTimeout() default "";

	/**
	 * How long each statement may run on PostgreSQL ({@code statement_timeout}), such as
	 * {@code "10min"}; empty uses the migrator's setting.
	 */
	String statementTimeout() default "";

}
