package dev.migrate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/**
 * Measures migrate against Flyway, Liquibase and raw JDBC on one PostgreSQL server and
 * prints the medians as Markdown tables (see docs/benchmarks.md for the method).
 *
 * <p>For each size N: every tool applies the N revisions to a fresh database (alternating
 * tools, the order rotated each run); then, at the heads, every tool's no-op and info run
 * warm in this JVM, and the no-op runs in a fresh JVM of its own, timed as a whole process
 * with its peak RSS. Then a minimal Spring Boot application starts at the heads without
 * migrate, with it, and with Spring Boot's own Flyway and Liquibase support. The processes
 * of a tool hold only that tool's jars.
 *
 * <pre>
 * java -cp 'bench/target/migrate-bench.jar:bench/target/lib/*' dev.migrate.bench.PeerBenchmark [options]
 *   --sizes 100,1000        revisions per workload
 *   --runs 5                measured runs of applying all revisions (the median is printed)
 *   --warm-runs 15          measured runs of each no-op and info in this JVM
 *   --fresh-runs 15         measured runs of each fresh-JVM figure
 *   --boot-runs 15          measured starts of each Spring Boot application (default: --fresh-runs)
 *   --tools raw,migrate,flyway,liquibase
 *   --url jdbc:postgresql://127.0.0.1:5432/postgres   a database to create the others from
 *   --user postgres
 *   --liquibase sql         the Liquibase changelog format: sql (formatted SQL) or xml
 *   --boot 1000             the size of the Spring Boot comparison; 0 to leave it out
 *   --boot-steps false      true: the Boot applications record Spring's startup steps, and the
 *                           creation of the DataSource and of each migration tool's beans is printed
 *   --work DIR              where the workloads are written (default: a temporary directory)
 * </pre>
 */
public final class PeerBenchmark {

	private static final List<String> TOOLS = List.of("raw", "migrate", "flyway", "liquibase");

	private static final Path TIME = Path.of("/usr/bin/time");

	private static final int WARM_UP_SIZE = 100;

	/** Unmeasured runs of each tool before a warm figure is measured. */
	private static final int WARM_UPS = 5;

	private final Options options;

	private final Databases databases;

	private final Classpaths classpaths;

	private final Map<Figure, Map<Integer, Map<String, List<Long>>>> results = new EnumMap<>(Figure.class);

	private final Map<String, List<Long>> boot = new LinkedHashMap<>();

	private String bootNote;

	/** Why a peer's Boot application was left out of the comparison. */
	private final List<String> bootNotes = new ArrayList<>();

	private PeerBenchmark(Options options) {
		this.options = options;
		this.databases = new Databases(options.url, options.user);
		this.classpaths = Classpaths.find();
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.parse(args);
		if (!Files.isExecutable(TIME)) {
			throw new IllegalStateException(TIME + " is needed to read a process's peak RSS: apt-get install time");
		}
		new PeerBenchmark(options).run();
	}

	private void run() throws Exception {
		this.databases.dropLeftovers();
		Path work = (this.options.work != null) ? Files.createDirectories(this.options.work)
				: Files.createTempDirectory("migrate-bench");
		log("workloads under %s", work);
		warmUp(Workload.of(work.resolve("n" + WARM_UP_SIZE), WARM_UP_SIZE));
		for (int size : this.options.sizes) {
			Workload workload = Workload.of(work.resolve("n" + size), size);
			Map<String, String> atHeads = apply(workload);
			try {
				warm(Figure.NOOP_WARM, workload, atHeads);
				warm(Figure.INFO_WARM, workload, atHeads);
				fresh(workload, atHeads);
				if (size == this.options.bootSize && atHeads.containsKey("migrate")) {
					boot(workload, atHeads.get("migrate"));
				}
			}
			finally {
				for (String url : atHeads.values()) {
					try {
						this.databases.drop(url);
					}
					catch (SQLException ex) {
						log("Could not drop %s: %s", url, ex.getMessage());
					}
				}
			}
		}
		print();
	}

	// ---------------------------------------------------------------- the figures

	private void warmUp(Workload workload) throws Exception {
		log("warming up at N = %d", workload.size());
		for (String tool : this.options.tools) {
			Contender contender = Contender.named(tool);
			String url = this.databases.create(tool + "_warmup");
			try {
				Contender.Target target = target(url, workload);
				contender.migrate(target);
				for (int i = 0; i < 3; i++) {
					contender.migrate(target);
					contender.info(target);
				}
				spawn(this.classpaths.tool(tool), Main.class.getName(), command(tool, "migrate", target));
			}
			finally {
				this.databases.drop(url);
			}
		}
	}

	/** Applies the workload on a fresh database per tool and run; returns the last run's databases, at the heads. */
	private Map<String, String> apply(Workload workload) throws Exception {
		Map<String, String> atHeads = new LinkedHashMap<>();
		try {
			for (int run = 0; run < this.options.runs; run++) {
				for (String tool : rotated(run)) {
					String url = this.databases.create(tool + "_" + workload.size() + "_" + run);
					Contender.Target target = target(url, workload);
					System.gc();
					long start = System.nanoTime();
					int applied = Contender.named(tool).migrate(target);
					long took = System.nanoTime() - start;
					int tables = Databases.tables(url, this.options.user);
					if (tables != workload.size() || (applied >= 0 && applied != workload.size())) {
						throw new IllegalStateException(tool + " applied " + applied + " revisions and left " + tables
								+ " tables; expected " + workload.size());
					}
					record(Figure.APPLY, workload.size(), tool, took);
					log("apply     N=%-5d %-9s %s", workload.size(), tool, format(took));
					String previous = atHeads.put(tool, url);
					if (previous != null) {
						this.databases.drop(previous);
					}
				}
			}
			return atHeads;
		}
		catch (Exception | Error ex) {
			for (String url : atHeads.values()) {
				this.databases.drop(url);
			}
			throw ex;
		}
	}

	/** A command repeated in this JVM at the heads, after unmeasured runs of each tool. */
	private void warm(Figure figure, Workload workload, Map<String, String> atHeads) throws Exception {
		for (int run = -WARM_UPS; run < this.options.warmRuns; run++) {
			for (String tool : rotated(run + WARM_UPS)) {
				Contender contender = Contender.named(tool);
				Contender.Target target = target(atHeads.get(tool), workload);
				settle();
				long start = System.nanoTime();
				int result = (figure == Figure.NOOP_WARM) ? contender.migrate(target) : contender.info(target);
				long took = System.nanoTime() - start;
				if (result > 0) {
					throw new IllegalStateException(tool + " found " + result + " revisions to run at the heads");
				}
				if (run >= 0) {
					record(figure, workload.size(), tool, took);
					log("%-9s N=%-5d %-9s %s", figure.key, workload.size(), tool, format(took));
				}
			}
		}
	}

	/**
	 * Collects the garbage, then waits until this process has used less than 2 ms of CPU in
	 * 50 ms (at most 2 s): a warm run then has the cores to itself, not shared with the
	 * compilations that the previous tool's run set off (after a run of Liquibase or Flyway
	 * the JIT's threads stay busy for a while, C2's single compilations for longer than
	 * 50 ms) or with the collector.
	 */
	private static void settle() throws InterruptedException {
		System.gc();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		if (!(ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os)
				|| os.getProcessCpuTime() < 0) {
			Thread.sleep(50);
			return;
		}
		long used = os.getProcessCpuTime();
		while (System.nanoTime() - deadline < 0) {
			Thread.sleep(50);
			long now = os.getProcessCpuTime();
			if (now - used < TimeUnit.MILLISECONDS.toNanos(2)) {
				return;
			}
			used = now;
		}
	}

	/** The no-op in a fresh JVM per run, timed as a whole process, with its peak RSS. */
	private void fresh(Workload workload, Map<String, String> atHeads) throws Exception {
		for (int run = 0; run < this.options.freshRuns; run++) {
			for (String tool : rotated(run)) {
				Contender.Target target = target(atHeads.get(tool), workload);
				Spawned spawned = spawn(this.classpaths.tool(tool), Main.class.getName(),
						command(tool, "migrate", target));
				record(Figure.NOOP_FRESH, workload.size(), tool, spawned.nanos());
				record(Figure.RSS_FRESH, workload.size(), tool, spawned.rssKb());
				log("fresh     N=%-5d %-9s %s, peak RSS %s", workload.size(), tool, format(spawned.nanos()),
						formatKb(spawned.rssKb()));
			}
		}
	}

	/**
	 * The minimal Boot application's start at the heads: without migrate, without it but
	 * taking a connection (at the end of the start, or during the refresh), with migrate, and
	 * with Spring Boot's own Flyway and Liquibase support (each on a database of its own that
	 * a first start of that application brought to the heads).
	 */
	private void boot(Workload workload, String url) throws Exception {
		List<String> arguments = dataSource(url);
		List<String> opening = new ArrayList<>(arguments);
		opening.add("--bench.open-data-source=true");
		List<String> openingInRefresh = new ArrayList<>(arguments);
		openingInRefresh.add("--bench.open-data-source-in-refresh=true");
		String main = "dev.migrate.bench.boot.BenchApplication";
		Map<String, BootVariant> variants = new LinkedHashMap<>();
		for (BootVariant variant : List.of(
				new BootVariant(BOOT_WITHOUT, this.classpaths.boot(null, workload.classpath()), arguments, url),
				new BootVariant(BOOT_OPENING, this.classpaths.boot(null, workload.classpath()), opening, url),
				new BootVariant(BOOT_OPENING_IN_REFRESH, this.classpaths.boot(null, workload.classpath()),
						openingInRefresh, url),
				new BootVariant(BOOT_WITH, this.classpaths.boot("migrate", workload.classpath()), arguments, url),
				new BootVariant(BOOT_WITH_JAR, this.classpaths.boot("migrate", workload.classpathJar()), arguments,
						url))) {
			variants.put(variant.name(), variant);
		}
		Spawned probe = spawn(variants.get(BOOT_WITH).classpath(), main, arguments);
		if (!probe.output().contains("Nothing to upgrade")) {
			this.bootNote = "The Spring Boot comparison was left out: the application with migrate's"
					+ " auto-configuration on its class path did not upgrade on start (no migrate-spring-boot-autoconfigure"
					+ " auto-configuration in this build).";
			log("%s", this.bootNote);
			return;
		}
		// The probe recorded the fingerprint of the directory, not the jar's: without a first
		// start from the jar, its first measured start would load the revisions.
		spawn(variants.get(BOOT_WITH_JAR).classpath(), main, arguments);
		List<String> peerDatabases = new ArrayList<>();
		try {
			for (String peer : List.of("flyway", "liquibase")) {
				if (this.options.tools.contains(peer)) {
					String peerUrl = this.databases.create(peer + "_boot_" + workload.size());
					peerDatabases.add(peerUrl);
					BootVariant variant = new BootVariant(bootName(peer), this.classpaths.boot(peer, workload.classpath()),
							peerArguments(peer, peerUrl), peerUrl);
					log("boot      N=%-5d %s applies the revisions on its first start", workload.size(), variant.name());
					try {
						spawn(variant.classpath(), main, variant.arguments());
						checkTables(variant, workload);
						variants.put(variant.name(), variant);
					}
					catch (IllegalStateException ex) {
						// a peer's support that does not start leaves the others' figures
						String note = variant.name() + " was left out: its first start failed: " + failure(ex);
						this.bootNotes.add(note);
						log("%s", ex.getMessage());
					}
				}
			}
			spawn(variants.get(BOOT_WITHOUT).classpath(), main, arguments);
			for (int run = 0; run < this.options.bootRuns(); run++) {
				List<String> names = new ArrayList<>(variants.keySet());
				java.util.Collections.rotate(names, run);
				for (String name : names) {
					BootVariant variant = variants.get(name);
					List<String> measured = new ArrayList<>(variant.arguments());
					if (this.options.bootSteps) {
						measured.add("--bench.startup-steps=true");
					}
					Spawned spawned = spawn(variant.classpath(), main, measured);
					checkTables(variant, workload);
					Matcher matcher = CONTEXT_MS.matcher(spawned.output());
					if (!matcher.find()) {
						throw new IllegalStateException("The Boot application printed no context_ms:\n" + spawned.output());
					}
					long context = (long) (Double.parseDouble(matcher.group(1)) * 1_000_000);
					this.boot.computeIfAbsent(name + "|context", (key) -> new ArrayList<>()).add(context);
					this.boot.computeIfAbsent(name + "|process", (key) -> new ArrayList<>()).add(spawned.nanos());
					this.boot.computeIfAbsent(name + "|rss", (key) -> new ArrayList<>()).add(spawned.rssKb());
					Matcher steps = TIMED_STEP.matcher(spawned.output());
					while (steps.find()) {
						long nanos = (long) (Double.parseDouble(steps.group(2)) * 1_000_000);
						this.boot.computeIfAbsent(name + "|" + steps.group(1), (key) -> new ArrayList<>()).add(nanos);
					}
					log("boot      N=%-5d %-59s context %s, process %s, peak RSS %s", workload.size(), name,
							format(context), format(spawned.nanos()), formatKb(spawned.rssKb()));
				}
			}
		}
		finally {
			for (String peerUrl : peerDatabases) {
				try {
					this.databases.drop(peerUrl);
				}
				catch (SQLException ex) {
					log("Could not drop %s: %s", peerUrl, ex.getMessage());
				}
			}
		}
	}

	/**
	 * A failure in a line: a failed process's exit status and the first line of its output
	 * that names an exception or error (not its command line, which holds the class path).
	 */
	private static String failure(IllegalStateException ex) {
		String message = ex.getMessage();
		Matcher status = Pattern.compile(" exited with (\\d+):").matcher(message);
		if (!status.find()) {
			return message;
		}
		String error = message.substring(status.end())
			.lines()
			.filter((line) -> line.contains("Exception") || line.contains("Error"))
			.findFirst()
			.orElse("no exception in its output")
			.strip();
		return "exit status " + status.group(1) + ", " + ((error.length() > 300) ? error.substring(0, 300) + "..." : error);
	}

	/** Fails unless the variant's start left the workload's tables as they were. */
	private void checkTables(BootVariant variant, Workload workload) throws SQLException {
		int tables = Databases.tables(variant.url(), this.options.user);
		if (tables != workload.size()) {
			throw new IllegalStateException("The Boot application " + variant.name() + " left " + tables
					+ " tables; expected " + workload.size());
		}
	}

	private List<String> dataSource(String url) {
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + this.options.user);
	}

	/** The arguments of a peer's Boot application: its database, and its migrations on the class path. */
	private List<String> peerArguments(String peer, String url) {
		List<String> arguments = new ArrayList<>(dataSource(url));
		if (peer.equals("flyway")) {
			arguments.add("--spring.flyway.locations=classpath:" + Workload.FLYWAY_CLASSPATH);
		}
		else {
			arguments.add("--spring.liquibase.change-log=classpath:" + Workload.LIQUIBASE_CLASSPATH);
		}
		return arguments;
	}

	private static String bootName(String peer) {
		return "with " + (peer.equals("flyway") ? "Flyway" : "Liquibase") + " (Spring Boot's support)";
	}

	/** What the Boot application prints: the time {@code SpringApplication.run} took. */
	private static final Pattern CONTEXT_MS = Pattern.compile("context_ms=([0-9.]+)");

	/** What the Boot application prints: a step timed inside its start, and its time. */
	private static final Pattern TIMED_STEP = Pattern.compile("(bean_ms=\\S+|open_ms)=([0-9.]+)");

	private static final String BOOT_WITHOUT = "without migrations";

	private static final String BOOT_OPENING = "without migrations, one connection taken on start";

	private static final String BOOT_OPENING_IN_REFRESH = "without migrations, one connection taken during the refresh";

	private static final String BOOT_WITH = "with migrate";

	private static final String BOOT_WITH_JAR = "with migrate, revisions in a jar";

	private record BootVariant(String name, List<Path> classpath, List<String> arguments, String url) {
	}

	// ---------------------------------------------------------------- processes

	private List<String> command(String tool, String command, Contender.Target target) {
		List<String> arguments = new ArrayList<>(List.of(tool, command));
		arguments.addAll(Arrays.asList(target.toArguments()));
		return arguments;
	}

	/** Runs a class in a fresh JVM under {@code /usr/bin/time}; fails when it does not exit with 0. */
	private static Spawned spawn(List<Path> classpath, String main, List<String> arguments)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(TIME.toString(), "-f", "rss_kb=%M",
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)), main));
		command.addAll(arguments);
		Path out = Files.createTempFile("migrate-bench", ".out");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
			builder.environment().remove("JAVA_TOOL_OPTIONS");
			long start = System.nanoTime();
			Process process = builder.start();
			int status = process.waitFor();
			long took = System.nanoTime() - start;
			String output = Files.readString(out);
			if (status != 0) {
				throw new IllegalStateException("The process " + String.join(" ", command) + " exited with " + status
						+ ":\n" + output);
			}
			Matcher rss = Pattern.compile("rss_kb=(\\d+)").matcher(output);
			long rssKb = -1;
			while (rss.find()) {
				rssKb = Long.parseLong(rss.group(1));
			}
			return new Spawned(took, rssKb, output);
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	private record Spawned(long nanos, long rssKb, String output) {
	}

	// ---------------------------------------------------------------- results

	private void record(Figure figure, int size, String tool, long value) {
		this.results.computeIfAbsent(figure, (key) -> new LinkedHashMap<>())
			.computeIfAbsent(size, (key) -> new LinkedHashMap<>())
			.computeIfAbsent(tool, (key) -> new ArrayList<>())
			.add(value);
	}

	private void print() throws SQLException {
		StringBuilder out = new StringBuilder();
		String server;
		try (Connection connection = DriverManager.getConnection(this.options.url, this.options.user, null)) {
			server = connection.getMetaData().getDatabaseProductName() + " "
					+ connection.getMetaData().getDatabaseProductVersion();
		}
		out.append(String.format(Locale.ROOT, "%n%s on %s; Java %s, %d processors. Medians of %d runs (apply), %d"
				+ " (no-op and info in one JVM) and %d fresh JVMs; in parentheses the ratio to raw JDBC. Liquibase"
				+ " changelog: %s.%n%n", server, this.options.url, System.getProperty("java.version"),
				Runtime.getRuntime().availableProcessors(), this.options.runs, this.options.warmRuns,
				this.options.freshRuns, this.options.liquibase));
		out.append("| scenario | N |");
		for (String tool : this.options.tools) {
			out.append(' ').append(title(tool)).append(" |");
		}
		out.append("\n| --- | ---: |");
		out.append(" ---: |".repeat(this.options.tools.size())).append('\n');
		for (Figure figure : Figure.values()) {
			Map<Integer, Map<String, List<Long>>> bySize = this.results.getOrDefault(figure, Map.of());
			for (Map.Entry<Integer, Map<String, List<Long>>> entry : bySize.entrySet()) {
				out.append("| ").append(figure.title).append(" | ").append(String.format(Locale.ROOT, "%,d", entry.getKey()))
					.append(" |");
				List<Long> raw = entry.getValue().get("raw");
				for (String tool : this.options.tools) {
					List<Long> values = entry.getValue().get(tool);
					long median = median(values);
					out.append(' ').append((figure == Figure.RSS_FRESH) ? formatKb(median) : format(median));
					if (raw != null && !tool.equals("raw")) {
						out.append(String.format(Locale.ROOT, " (%.2fx)", (double) median / median(raw)));
					}
					out.append(" |");
				}
				out.append('\n');
			}
		}
		if (!this.boot.isEmpty()) {
			out.append(String.format(Locale.ROOT, "%nSpring Boot %s, a minimal JDBC application at the heads of %,d"
					+ " revisions; median of %d fresh JVMs each.%n%n", springBootVersion(), this.options.bootSize,
					this.options.bootRuns()));
			out.append("| application | SpringApplication.run | whole process | peak RSS |\n| --- | ---: | ---: | ---: |\n");
			List<String> variants = new ArrayList<>();
			for (String variant : List.of(BOOT_WITHOUT, BOOT_OPENING, BOOT_OPENING_IN_REFRESH, BOOT_WITH, BOOT_WITH_JAR,
					bootName("flyway"), bootName("liquibase"))) {
				if (this.boot.containsKey(variant + "|context")) {
					variants.add(variant);
					out.append("| ").append(variant).append(" | ")
						.append(format(median(this.boot.get(variant + "|context")))).append(" | ")
						.append(format(median(this.boot.get(variant + "|process")))).append(" | ")
						.append(formatKb(median(this.boot.get(variant + "|rss")))).append(" |\n");
				}
			}
			out.append('\n');
			long without = median(this.boot.get(BOOT_WITHOUT + "|context"));
			long opening = median(this.boot.get(BOOT_OPENING + "|context"));
			List<Long> inRefresh = this.boot.get(BOOT_OPENING_IN_REFRESH + "|context");
			for (String variant : variants) {
				if (variant.equals(BOOT_WITHOUT) || variant.equals(BOOT_OPENING)
						|| variant.equals(BOOT_OPENING_IN_REFRESH)) {
					continue;
				}
				List<Long> starts = this.boot.get(variant + "|context");
				long with = median(starts);
				List<Long> overWithout = differences(starts, this.boot.get(BOOT_WITHOUT + "|context"));
				List<Long> overOpening = differences(starts, this.boot.get(BOOT_OPENING + "|context"));
				out.append(String.format(Locale.ROOT, "%s: adds %s to the context's start (%s over the application"
						+ " that takes a connection on start); the median of each round's difference: %s (%s, %s).%n",
						variant.substring("with ".length()), format(with - without), format(with - opening),
						format(median(overWithout)), format(median(overOpening)), spread(overOpening)));
				if (inRefresh != null) {
					List<Long> overInRefresh = differences(starts, inRefresh);
					out.append(String.format(Locale.ROOT, "  Over the application that takes a connection during the"
							+ " refresh, as a JPA application does: %s; the median of each round's difference: %s (%s).%n",
							format(with - median(inRefresh)), format(median(overInRefresh)), spread(overInRefresh)));
				}
			}
			printSteps(out, variants);
			for (String note : this.bootNotes) {
				out.append(note).append('\n');
			}
		}
		else if (this.bootNote != null) {
			out.append('\n').append(this.bootNote).append('\n');
		}
		System.out.print(out);
	}

	/**
	 * The medians of what the Boot applications timed inside their start: the creation of
	 * the DataSource and of each migration tool's beans ({@code --boot-steps true}), and the
	 * connection an application without migrations takes.
	 */
	private void printSteps(StringBuilder out, List<String> variants) {
		StringBuilder rows = new StringBuilder();
		for (String variant : variants) {
			for (Map.Entry<String, List<Long>> entry : this.boot.entrySet()) {
				String key = entry.getKey();
				if (key.startsWith(variant + "|bean_ms=") || key.equals(variant + "|open_ms")) {
					String bean = key.substring(key.indexOf('=') + 1);
					// a @ConfigurationProperties bean is named after its prefix and class
					String what = key.endsWith("|open_ms") ? "the connection it takes (the pool opening)"
							: bean.contains("-") ? "binding " + bean.substring(bean.lastIndexOf('.') + 1) : "bean " + bean;
					rows.append("| ").append(variant).append(" | ").append(what).append(" | ")
						.append(format(median(entry.getValue()))).append(" |\n");
				}
			}
		}
		if (!rows.isEmpty()) {
			out.append("\nInside the start, on the main thread (medians; a bean's creation includes that of the beans"
					+ " it needed):\n\n| application | what | time |\n| --- | --- | ---: |\n")
				.append(rows)
				.append('\n');
		}
	}

	private String title(String tool) {
		return switch (tool) {
			case "raw" -> "raw JDBC";
			case "flyway" -> "Flyway " + version("org.flywaydb", "flyway-core");
			case "liquibase" -> "Liquibase " + liquibase.util.LiquibaseUtil.getBuildVersion();
			default -> tool;
		};
	}

	private static String springBootVersion() {
		return org.springframework.boot.SpringBootVersion.getVersion();
	}

	private static String version(String group, String artifact) {
		try (InputStream in = PeerBenchmark.class.getClassLoader()
			.getResourceAsStream("META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
			if (in == null) {
				return "";
			}
			Properties properties = new Properties();
			properties.load(in);
			return properties.getProperty("version", "");
		}
		catch (IOException ex) {
			return "";
		}
	}

	static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * The differences between two variants' starts in the same round: a round starts every
	 * variant back to back, so that a host that slows down for a while slows both sides of
	 * each difference.
	 */
	static List<Long> differences(List<Long> starts, List<Long> baseline) {
		List<Long> differences = new ArrayList<>(starts.size());
		for (int round = 0; round < Math.min(starts.size(), baseline.size()); round++) {
			differences.add(starts.get(round) - baseline.get(round));
		}
		return differences;
	}

	/** The value below which {@code part} of {@code parts} of the values lie (nearest rank). */
	static long quantile(List<Long> values, int part, int parts) {
		List<Long> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil((double) part * sorted.size() / parts);
		return sorted.get(Math.max(0, rank - 1));
	}

	/** How per-round differences spread around their median: their quartiles and the median's standard error. */
	private static String spread(List<Long> differences) {
		return "its quartiles " + format(quantile(differences, 1, 4)) + " to " + format(quantile(differences, 3, 4))
				+ ", the standard error of that median about " + format(medianStandardError(differences));
	}

	/**
	 * The standard error of the values' median, by the bootstrap: the spread of the medians of
	 * 2,000 samples drawn from the values with replacement (a fixed seed, so that a run's
	 * output does not change when printed again).
	 */
	static long medianStandardError(List<Long> values) {
		if (values.size() < 2) {
			return 0;
		}
		Random random = new Random(1);
		double sum = 0;
		double squares = 0;
		int draws = 2_000;
		for (int draw = 0; draw < draws; draw++) {
			List<Long> sample = new ArrayList<>(values.size());
			for (int i = 0; i < values.size(); i++) {
				sample.add(values.get(random.nextInt(values.size())));
			}
			double median = median(sample);
			sum += median;
			squares += median * median;
		}
		double mean = sum / draws;
		return Math.round(Math.sqrt(Math.max(0, squares / draws - mean * mean)));
	}

	static String format(long nanos) {
		double millis = nanos / 1_000_000.0;
		if (Math.abs(millis) >= 1_000) {
			return String.format(Locale.ROOT, "%.2f s", millis / 1_000);
		}
		return String.format(Locale.ROOT, (Math.abs(millis) >= 100) ? "%.0f ms" : "%.1f ms", millis);
	}

	static String formatKb(long kb) {
		return String.format(Locale.ROOT, "%.0f MiB", kb / 1024.0);
	}

	// ---------------------------------------------------------------- helpers

	private Contender.Target target(String url, Workload workload) {
		return new Contender.Target(url, this.options.user, workload,
				this.options.liquibase.equals("xml") ? Workload.LIQUIBASE_XML : Workload.LIQUIBASE_SQL);
	}

	/** The tools in an order rotated by one per run, so that each takes every place in turn. */
	private List<String> rotated(int run) {
		List<String> tools = this.options.tools;
		List<String> order = new ArrayList<>(tools.size());
		for (int i = 0; i < tools.size(); i++) {
			order.add(tools.get((i + run) % tools.size()));
		}
		return order;
	}

	private static void log(String format, Object... arguments) {
		System.err.printf(Locale.ROOT, format + "%n", arguments);
	}

	private enum Figure {

		APPLY("apply", "apply all, warm JVM"),

		NOOP_WARM("noop", "no-op at the heads, warm JVM"),

		NOOP_FRESH("fresh", "no-op at the heads, fresh JVM, whole process"),

		RSS_FRESH("rss", "peak RSS of that fresh JVM"),

		INFO_WARM("info", "info / status at the heads, warm JVM");

		final String key;

		final String title;

		Figure(String key, String title) {
			this.key = key;
			this.title = title;
		}

	}

	/** The jars of each measured process, picked from {@code lib/} beside the bench jar by artifact id. */
	private record Classpaths(Path self, Map<String, Path> lib, List<Path> bootLib) {

		private static final Map<String, Set<String>> TOOL_JARS = Map.of(
				"raw", Set.of(),
				"migrate", Set.of("migrate-core", "slf4j-api", "slf4j-nop"),
				"flyway", Set.of("flyway-core", "flyway-database-postgresql", "jackson-databind", "jackson-core",
						"jackson-annotations", "slf4j-api", "slf4j-nop"),
				"liquibase", Set.of("liquibase-core", "opencsv", "snakeyaml", "jaxb-api", "commons-collections4",
						"commons-text", "commons-lang3", "commons-io"));

		private static final Set<String> BOOT_JARS = Set.of("spring-core", "spring-beans", "spring-context", "spring-aop",
				"spring-expression", "spring-jdbc", "spring-tx", "spring-boot", "spring-boot-autoconfigure",
				"spring-boot-jdbc", "spring-boot-sql", "spring-boot-transaction", "spring-boot-persistence",
				"spring-boot-starter", "spring-boot-starter-jdbc", "spring-boot-starter-logging", "HikariCP",
				"micrometer-observation", "micrometer-commons", "jakarta.annotation-api", "jspecify", "commons-logging",
				"log4j-api", "log4j-to-slf4j", "jul-to-slf4j", "slf4j-api", "snakeyaml");

		/** What each tool adds to the Boot application: its jars and Spring Boot's support of it (Logback logs). */
		private static final Map<String, Set<String>> BOOT_TOOL_JARS = Map.of(
				"migrate", Set.of("migrate-core", "migrate-spring-boot-autoconfigure"),
				"flyway", withoutNop(TOOL_JARS.get("flyway"), "spring-boot-flyway"),
				"liquibase", withoutNop(TOOL_JARS.get("liquibase"), "spring-boot-liquibase"));

		private static Set<String> withoutNop(Set<String> jars, String support) {
			Set<String> boot = new java.util.HashSet<>(jars);
			boot.remove("slf4j-nop");
			boot.add(support);
			return Set.copyOf(boot);
		}

		static Classpaths find() {
			try {
				Path self = Path.of(PeerBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
				Path target = self.getParent();
				Map<String, Path> lib = new LinkedHashMap<>();
				Pattern name = Pattern.compile("(.+?)-\\d[^-]*(-SNAPSHOT)?\\.jar");
				try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
					for (Path jar : jars.sorted(Comparator.naturalOrder()).toList()) {
						Matcher matcher = name.matcher(jar.getFileName().toString());
						if (matcher.matches()) {
							lib.put(matcher.group(1), jar);
						}
					}
				}
				List<Path> bootLib;
				try (Stream<Path> jars = Files.list(target.resolve("boot-lib"))) {
					bootLib = jars.sorted().toList();
				}
				return new Classpaths(self, lib, bootLib);
			}
			catch (IOException | URISyntaxException ex) {
				throw new IllegalStateException("Cannot find the jars beside the bench classes (lib/ and boot-lib/):"
						+ " build with 'mvn -pl bench -am -DskipTests package' and run from bench/target", ex);
			}
		}

		List<Path> tool(String tool) {
			List<Path> classpath = new ArrayList<>(List.of(this.self, jar("postgresql")));
			for (String artifact : TOOL_JARS.get(tool).stream().sorted().toList()) {
				classpath.add(jar(artifact));
			}
			return classpath;
		}

		/**
		 * The jars of the Boot application.
		 * @param tool {@code migrate}, {@code flyway}, {@code liquibase} (with Spring Boot's
		 * support of the tool), or {@code null} for none
		 */
		List<Path> boot(String tool, Path revisions) {
			List<Path> classpath = new ArrayList<>(List.of(this.self, jar("postgresql")));
			for (String artifact : BOOT_JARS.stream().sorted().toList()) {
				classpath.add(jar(artifact));
			}
			classpath.addAll(this.bootLib);
			if (tool != null) {
				for (String artifact : BOOT_TOOL_JARS.get(tool).stream().sorted().toList()) {
					if (!BOOT_JARS.contains(artifact)) {
						classpath.add(jar(artifact));
					}
				}
			}
			classpath.add(revisions);
			return classpath;
		}

		private Path jar(String artifact) {
			Path jar = this.lib.get(artifact);
			if (jar == null) {
				throw new IllegalStateException("No " + artifact + " jar in " + this.self.getParent().resolve("lib"));
			}
			return jar;
		}

	}

	/** The command line. */
	private static final class Options {

		List<Integer> sizes = List.of(100, 1_000);

		int runs = 5;

		/** No-ops take milliseconds and vary by a factor of two: more of them for a stable median. */
		int warmRuns = 15;

		/** Fresh processes vary by tens of milliseconds: more of them for a stable median. */
		int freshRuns = 15;

		/** Spring Boot starts of each application; {@code null} for as many as {@link #freshRuns}. */
		Integer bootRuns;

		List<String> tools = TOOLS;

		String url = "jdbc:postgresql://127.0.0.1:5432/postgres";

		String user = "postgres";

		String liquibase = "sql";

		int bootSize = 1_000;

		/** Whether the Boot starts record Spring's startup steps (which costs them a little). */
		boolean bootSteps;

		Path work;

		int bootRuns() {
			return (this.bootRuns != null) ? this.bootRuns : this.freshRuns;
		}

		private static boolean parseBoolean(String option, String value) {
			if (!value.equals("true") && !value.equals("false")) {
				throw new IllegalArgumentException(option + " is " + value + ": use true or false");
			}
			return Boolean.parseBoolean(value);
		}

		static Options parse(String[] args) {
			Options options = new Options();
			for (int i = 0; i < args.length; i++) {
				String option = args[i];
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("Option " + option + " needs a value");
				}
				String value = args[++i];
				switch (option) {
					case "--sizes" -> options.sizes = Arrays.stream(value.split(",")).map(String::strip)
						.map(Integer::parseInt).toList();
					case "--runs" -> options.runs = Integer.parseInt(value);
					case "--warm-runs" -> options.warmRuns = Integer.parseInt(value);
					case "--fresh-runs" -> options.freshRuns = Integer.parseInt(value);
					case "--boot-runs" -> options.bootRuns = Integer.parseInt(value);
					case "--tools" -> options.tools = Arrays.stream(value.split(",")).map(String::strip).toList();
					case "--url" -> options.url = value;
					case "--user" -> options.user = value;
					case "--liquibase" -> options.liquibase = value;
					case "--boot" -> options.bootSize = Integer.parseInt(value);
					case "--boot-steps" -> options.bootSteps = parseBoolean(option, value);
					case "--work" -> options.work = Path.of(value);
					default -> throw new IllegalArgumentException("Unknown option " + option + ": see the class's javadoc");
				}
			}
			if (options.runs < 1 || options.warmRuns < 1 || options.freshRuns < 1 || options.bootRuns() < 1) {
				throw new IllegalArgumentException("--runs, --warm-runs, --fresh-runs and --boot-runs are "
						+ options.runs + ", " + options.warmRuns + ", " + options.freshRuns + " and " + options.bootRuns()
						+ ": each needs at least 1 for a median");
			}
			if (!options.liquibase.equals("sql") && !options.liquibase.equals("xml")) {
				throw new IllegalArgumentException("--liquibase is " + options.liquibase + ": use sql or xml");
			}
			for (String tool : options.tools) {
				if (!TOOLS.contains(tool)) {
					throw new IllegalArgumentException("Unknown tool " + tool + ": use " + String.join(",", TOOLS));
				}
			}
			return options;
		}

	}

}
