package dev.migrate.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fingerprint of the revision files in one directory, taken as
 * {@link RevisionLoader#fingerprint(Location, Path, Fingerprint)} says: the files the loader's
 * walk would load, each with its path, size and modification time, or its bytes when the
 * times cannot be trusted to change with an edit.
 */
final class DirectoryFingerprint {

	/** 1981-01-01T00:00:00Z: earlier times are ones that build tools set, not edits. */
	private static final long EARLIEST_TRUSTED_MICROS = 347_155_200_000_000L;

	/** How old a time must be before a second edit could not share its clock tick. */
	private static final long SETTLED_MICROS = 2_000_000L;

	/** How many names are visited between two yields of the core (a power of two). */
	private static final int NAMES_PER_YIELD = 64;

	private final List<FileEntry> files = new ArrayList<>();

	private final boolean classes;

	private int visited;

	private DirectoryFingerprint(boolean classes) {
		this.classes = classes;
	}

	/**
	 * Adds the directory's revision files to a fingerprint.
	 * @param classes whether class files are revisions too (a class path location)
	 * @return {@code false} when something cannot be read
	 */
	static boolean add(Path directory, boolean classes, Fingerprint fingerprint) {
		DirectoryFingerprint walk;
		try {
			walk = scan(directory, classes);
		}
		catch (IOException ex) {
			return false;
		}
		boolean trusted = walk.timesTrusted(TimeUnit.MILLISECONDS.toMicros(System.currentTimeMillis()));
		List<Fingerprint> files = new ArrayList<>(walk.files.size());
		for (FileEntry file : walk.files) {
			Fingerprint one = new Fingerprint().add(file.path()).add(file.size());
			if (trusted) {
				one.add(file.modifiedMicros());
			}
			else {
				byte[] bytes;
				try {
					bytes = Files.readAllBytes(file.file());
				}
				catch (IOException ex) {
					return false;
				}
				one.add(bytes, 0, bytes.length);
			}
			files.add(one);
		}
		// the files' paths say where each is in load order, so the order they are listed in does not count
		fingerprint.add(trusted ? "times" : "bytes").addUnordered(files);
		return true;
	}

	/** The revision files of a directory, with their sizes and times. */
	static DirectoryFingerprint scan(Path directory, boolean classes) throws IOException {
		if (!Files.isDirectory(directory)) {
			throw new IOException(directory + " is not a directory");
		}
		DirectoryFingerprint walk = new DirectoryFingerprint(classes);
		walk.walk(directory.toRealPath(), "");
		return walk;
	}

	/**
	 * Visits the files that {@code RevisionLoader}'s walk loads, in the order the file system
	 * lists them: SQL files but editors' lock files, followed through symbolic links; class
	 * files under a class path location; sub-directories that are not symbolic links.
	 */
	private void walk(Path directory, String prefix) throws IOException {
		String[] names = directory.toFile().list();
		if (names == null) {
			throw new IOException("cannot list " + directory);
		}
		List<String> subdirectories = new ArrayList<>();
		for (String name : names) {
			if ((++this.visited & (NAMES_PER_YIELD - 1)) == 0) {
				// the walk usually runs on a thread of its own beside a connection being opened:
				// a server process or the caller's thread waiting for this core then runs now
				// rather than after this thread's time slice.
				Thread.yield();
			}
			Path file = directory.resolve(name);
			boolean sql = RevisionLoader.isSqlRevisionName(name);
			if (sql || (this.classes && name.endsWith(".class"))) {
				BasicFileAttributes attributes;
				try {
					attributes = Files.readAttributes(file, BasicFileAttributes.class);
				}
				catch (NoSuchFileException ex) {
					continue; // a dangling symbolic link, which loading skips too
				}
				if (attributes.isRegularFile()) {
					this.files.add(new FileEntry(prefix.isEmpty() ? name : prefix + name, file, attributes.size(),
							attributes.lastModifiedTime().to(TimeUnit.MICROSECONDS)));
					continue;
				}
			}
			if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
				subdirectories.add(name);
			}
		}
		for (String name : subdirectories) {
			walk(directory.resolve(name), prefix + name + "/");
		}
	}

	/**
	 * Whether the files' times change with every edit: not when they all share one time (set
	 * by a tool), when one is before 1981 (the fixed times of reproducible archives and image
	 * builders), or when one is so recent that an edit in the same clock tick would keep it.
	 */
	boolean timesTrusted(long nowMicros) {
		boolean allSame = this.files.size() > 1;
		long first = this.files.isEmpty() ? 0 : this.files.get(0).modifiedMicros();
		for (FileEntry file : this.files) {
			long modified = file.modifiedMicros();
			if (modified < EARLIEST_TRUSTED_MICROS || modified > nowMicros - SETTLED_MICROS) {
				return false;
			}
			allSame &= (modified == first);
		}
		return !allSame;
	}

	/** One revision file: its path inside the directory, its size and its modification time. */
	private record FileEntry(String path, Path file, long size, long modifiedMicros) {
	}

}
