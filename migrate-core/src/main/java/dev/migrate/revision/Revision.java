package dev.migrate.revision;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.migrate.Migration;

/**
 * One revision of the graph: its id, the revisions it follows, its branch labels and
 * dependencies, and the migration that applies it. Immutable; what the graph derives (next
 * revisions, inherited branch labels) lives in {@link RevisionGraph}.
 */
public final class Revision {

	private static final List<String> RESERVED = List.of("head", "heads", "base", "current");

	private final String id;

	private final List<String> downRevisions;

	private final List<String> branchLabels;

	private final List<String> dependsOn;

	private final String message;

	private final String createDate;

	private final boolean transactional;

	private final Supplier<String> checksum;

	private final String source;

	private final Migration migration;

	private final Duration lockTimeout;

	private final Duration statementTimeout;

	private Revision(Builder builder) {
		this.id = builder.id;
		this.source = (builder.source != null) ? builder.source : "revision " + builder.id;
		this.downRevisions = distinct(builder.downRevisions);
		this.branchLabels = distinct(builder.branchLabels);
		this.dependsOn = distinct(builder.dependsOn);
		this.message = (builder.message != null) ? builder.message : "";
		this.createDate = builder.createDate;
		this.transactional = builder.transactional;
		this.checksum = builder.checksum;
		this.migration = builder.migration;
		this.lockTimeout = builder.lockTimeout;
		this.statementTimeout = builder.statementTimeout;
		validate();
	}

	private void validate() {
		if (this.id == null || this.id.isEmpty()) {
			throw new RevisionException(this.source + " has no revision id");
		}
		if (!isValidId(this.id)) {
			throw new RevisionException("Revision id '" + this.id + "' in " + this.source
					+ " is not valid: use 1 to 32 characters of [0-9a-z_]"
					+ (this.id.chars().anyMatch((c) -> "@-+:".indexOf(c) >= 0)
							? " ('@', '-', '+' and ':' have a meaning in targets)" : ""));
		}
		if (RESERVED.contains(this.id)) {
			throw new RevisionException("Revision id '" + this.id + "' in " + this.source
					+ " is a reserved word of targets (head, heads, base, current): choose another id");
		}
		if (this.downRevisions.contains(this.id)) {
			throw new CycleException("Self-loop", List.of(this.id), this.source + " revises itself");
		}
		if (this.dependsOn.contains(this.id)) {
			throw new CycleException("Dependency self-loop", List.of(this.id), this.source + " depends on itself");
		}
		checkTimeout(this.lockTimeout, "lock timeout");
		checkTimeout(this.statementTimeout, "statement timeout");
		for (String label : this.branchLabels) {
			if (!isLabel(label)) {
				throw new RevisionException("Branch label '" + label + "' in " + this.source
						+ " is not valid: use letters, digits, '_' and '.'");
			}
		}
	}

	/**
	 * Whether a text is a valid revision id: 1 to 32 characters of {@code [0-9a-z_]}.
	 * @param text the text
	 * @return whether it is an id (the reserved words of targets are ids by this test)
	 */
	public static boolean isValidId(String text) {
		if (text.isEmpty() || text.length() > 32) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '_')) {
				return false;
			}
		}
		return true;
	}

	/** Whether a text is {@code [0-9A-Za-z_.]{1,64}}, which every id is too. */
	private static boolean isLabel(String text) {
		if (text.isEmpty() || text.length() > 64) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.')) {
				return false;
			}
		}
		return true;
	}

	private void checkTimeout(Duration timeout, String name) {
		if (timeout != null && timeout.isNegative()) {
			throw new RevisionException("The " + name + " of " + this.source + " is negative (" + timeout
					+ "): use a positive duration, or 0 for none");
		}
	}

	/**
	 * Parses a timeout as revisions write it: a whole number and a unit ({@code 500ms},
	 * {@code 5s}, {@code 2min} or {@code 2m}, {@code 1h}), or an ISO-8601 duration
	 * ({@code PT5S}).
	 * @param text the text
	 * @return the duration
	 * @throws IllegalArgumentException saying what is accepted when the text is none of these
	 */
	public static Duration parseDuration(String text) {
		String value = text.strip();
		Matcher matcher = DurationPattern.INSTANCE.matcher(value.toLowerCase(Locale.ROOT));
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m", "min" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			};
		}
		try {
			if (value.toUpperCase(Locale.ROOT).startsWith("PT")) {
				return Duration.parse(value);
			}
		}
		catch (DateTimeParseException ex) {
			// reported below
		}
		throw new IllegalArgumentException("'" + text + "' is not a duration: write a whole number and a unit"
				+ " (500ms, 5s, 2min, 1h) or an ISO-8601 duration (PT5S)");
	}

	/** Compiled when a timeout is first parsed, not when the first revision is built. */
	private static final class DurationPattern {

		static final Pattern INSTANCE = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h)");

	}

	private static List<String> distinct(Collection<String> values) {
		if (values.isEmpty()) {
			return List.of();
		}
		if (values.size() == 1) {
			String trimmed = ((values instanceof List<String> list) ? list.get(0) : values.iterator().next()).trim();
			return trimmed.isEmpty() ? List.of() : List.of(trimmed);
		}
		List<String> result = new ArrayList<>();
		for (String value : new LinkedHashSet<>(values)) {
			String trimmed = value.trim();
			if (!trimmed.isEmpty() && !result.contains(trimmed)) {
				result.add(trimmed);
			}
		}
		return List.copyOf(result);
	}

	/** Starts a revision with the given id. */
	public static Builder builder(String id) {
		return new Builder(id);
	}

	/** A revision with no migration, for graphs built in code and tests. */
	public static Revision of(String id, String... downRevisions) {
		return builder(id).revises(downRevisions).build();
	}

	/** The revision id, also the value kept in the version table. */
	public String id() {
		return this.id;
	}

	/** The revisions this one follows: empty for a base, several for a merge point. */
	public List<String> downRevisions() {
		return this.downRevisions;
	}

	/** The branch labels this revision declares (the graph adds those it inherits). */
	public List<String> branchLabels() {
		return this.branchLabels;
	}

	/** Revisions or branch labels that must be applied before this one, as declared. */
	public List<String> dependsOn() {
		return this.dependsOn;
	}

	/** The one-line description. */
	public String message() {
		return this.message;
	}

	/** When the revision was written, as its source says, or {@code null}. */
	public String createDate() {
		return this.createDate;
	}

	/** Whether the revision runs inside a transaction. */
	public boolean isTransactional() {
		return this.transactional;
	}

	/** A checksum of the revision's source, or {@code null} when it has none. */
	public String checksum() {
		return (this.checksum != null) ? this.checksum.get() : null;
	}

	/** Where the revision comes from: a file path or a class name, for messages. */
	public String source() {
		return this.source;
	}

	/** The migration that applies and reverts the revision, or {@code null} for graph-only use. */
	public Migration migration() {
		return this.migration;
	}

	/**
	 * How long each of the revision's statements may wait for a lock (PostgreSQL
	 * {@code lock_timeout}), or {@code null} to use the run's setting.
	 */
	public Duration lockTimeout() {
		return this.lockTimeout;
	}

	/**
	 * How long each of the revision's statements may run (PostgreSQL
	 * {@code statement_timeout}), or {@code null} to use the run's setting.
	 */
	public Duration statementTimeout() {
		return this.statementTimeout;
	}

	/** Whether this revision has no down revisions. */
	public boolean isBase() {
		return this.downRevisions.isEmpty();
	}

	/** Whether this revision follows several revisions. */
	public boolean isMergePoint() {
		return this.downRevisions.size() > 1;
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof Revision other) && this.id.equals(other.id);
	}

	@Override
	public int hashCode() {
		return this.id.hashCode();
	}

	@Override
	public String toString() {
		StringBuilder result = new StringBuilder("Revision(").append(this.id).append(" <- ").append(this.downRevisions);
		if (!this.dependsOn.isEmpty()) {
			result.append(", dependsOn=").append(this.dependsOn);
		}
		if (!this.branchLabels.isEmpty()) {
			result.append(", branchLabels=").append(this.branchLabels);
		}
		return result.append(')').toString();
	}

	/** Builds a {@link Revision}. */
	public static final class Builder {

		private final String id;

		private final List<String> downRevisions = new ArrayList<>();

		private final List<String> branchLabels = new ArrayList<>();

		private final List<String> dependsOn = new ArrayList<>();

		private String message;

		private String createDate;

		private boolean transactional = true;

		private Supplier<String> checksum;

		private String source;

		private Migration migration;

		private Duration lockTimeout;

		private Duration statementTimeout;

		private Builder(String id) {
			this.id = id;
		}

		public Builder revises(String... ids) {
			return revises(Arrays.asList(ids));
		}

		public Builder revises(Collection<String> ids) {
			this.downRevisions.addAll(ids);
			return this;
		}

		public Builder branchLabels(String... labels) {
			return branchLabels(Arrays.asList(labels));
		}

		public Builder branchLabels(Collection<String> labels) {
			this.branchLabels.addAll(labels);
			return this;
		}

		public Builder dependsOn(String... ids) {
			return dependsOn(Arrays.asList(ids));
		}

		public Builder dependsOn(Collection<String> ids) {
			this.dependsOn.addAll(ids);
			return this;
		}

		public Builder message(String message) {
			this.message = message;
			return this;
		}

		public Builder createDate(String createDate) {
			this.createDate = createDate;
			return this;
		}

		public Builder transactional(boolean transactional) {
			this.transactional = transactional;
			return this;
		}

		public Builder checksum(String checksum) {
			this.checksum = (checksum != null) ? () -> checksum : null;
			return this;
		}

		/**
		 * A checksum computed the first time it is asked for, at most once: most starts find
		 * the database at the heads and write no history, so they need no checksum.
		 */
		public Builder lazyChecksum(Supplier<String> checksum) {
			this.checksum = (checksum != null) ? new Memo(checksum) : null;
			return this;
		}

		public Builder source(String source) {
			this.source = source;
			return this;
		}

		public Builder migration(Migration migration) {
			this.migration = migration;
			return this;
		}

		/** The lock timeout of the revision's statements; {@code null} uses the run's setting. */
		public Builder lockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
			return this;
		}

		/** The statement timeout of the revision's statements; {@code null} uses the run's setting. */
		public Builder statementTimeout(Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
			return this;
		}

		/**
		 * Builds the revision.
		 * @throws RevisionException if the id is not valid or the revision revises or
		 * depends on itself
		 */
		public Revision build() {
			return new Revision(this);
		}

	}

	/** A value computed once, when first asked for. */
	private static final class Memo implements Supplier<String> {

		private Supplier<String> supplier;

		private String value;

		Memo(Supplier<String> supplier) {
			this.supplier = supplier;
		}

		@Override
		public synchronized String get() {
			if (this.supplier != null) {
				this.value = this.supplier.get();
				this.supplier = null;
			}
			return this.value;
		}

	}

}
