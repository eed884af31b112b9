package dev.migrate;

/**
 * The migration lock stayed held by another session for longer than the lock timeout. The
 * message names the holder where the database can say who it is.
 */
public class LockTimeoutException extends MigrateException {

	private static final long serialVersionUID = 1L;

	private final String holder;

	/**
	 * Creates the exception.
	 * @param message the full message
	 * @param holder who holds the lock, described, or {@code null} when unknown
	 */
	public LockTimeoutException(String message, String holder) {
		super(message);
		this.holder = holder;
	}

	/** Who holds the lock, as the database describes it, or {@code null} when it cannot say. */
	public String holder() {
		return this.holder;
	}

}
