package dev.migrate.cli;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;

/** The options {@code revision} and {@code merge} share: what the new file is called and holds. */
final class NewRevisionOptions {

	@Option(names = { "-m", "--message" }, paramLabel = "MESSAGE",
			description = "The message of the revision; also names the file.")
	String message;

	@Option(names = "--branch-label", paramLabel = "LABEL", description = "A branch label for the new revision.")
	List<String> branchLabels = new ArrayList<>();

	@Option(names = "--rev-id", paramLabel = "ID",
			description = "The id of the new revision instead of 12 random hex digits.")
	String revId;

	@Option(names = "--splice",
			description = "Allow revisions that are not heads as down revisions (starts a new branch).")
	boolean splice;

	@Option(names = "--java", paramLabel = "PACKAGE",
			description = "Write a Java revision class in this package instead of a SQL file.")
	String javaPackage;

	@Option(names = "--java-dir", paramLabel = "DIR",
			description = "The source folder for --java (default: src/main/java).")
	String javaDirectory;

}
