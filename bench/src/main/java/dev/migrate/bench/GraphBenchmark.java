package dev.migrate.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import dev.migrate.revision.Plan;
import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;

/**
 * Times the revision graph on generated graphs of 1,000, 10,000 and 100,000 revisions (or
 * the sizes given as arguments) and prints a Markdown table of the median times.
 * <p>
 * Each graph is generated from a fixed seed: a few independent branches, each with its own
 * base and branch label, that fork and merge again, with some revisions depending on
 * revisions or labels of other branches. Revisions are handed to the graph sorted by id, as
 * files sorted by name would be. Each operation is warmed up, then timed several times.
 * <pre>
 * java -cp "bench/target/migrate-bench.jar:bench/target/lib/*" dev.migrate.bench.GraphBenchmark [size...]
 * </pre>
 */
public final class GraphBenchmark {

	private static final long SEED = 20260501L;

	private static final long WARM_UP_NANOS = 1_000_000_000L;

	private static final long SLOW_NANOS = 5_000_000_000L;

	private static volatile Object sink;

	private GraphBenchmark() {
	}

	public static void main(String[] args) {
		int[] sizes = (args.length > 0) ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
				: new int[] { 1_000, 10_000, 100_000 };
		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT, "Java %s (%s), %d processors, max heap %d MiB%n", System.getProperty("java.version"),
				System.getProperty("java.vm.name"), runtime.availableProcessors(), runtime.maxMemory() >> 20);
		System.out.println("Median of 7 runs (5 from 100,000 revisions) after warm-up; an operation whose first run "
				+ "takes over 5 s is timed once.");
		System.out.println();
		System.out.println("| Revisions | Heads | Merges | Branch labels | depends_on | Build + validate "
				+ "| Plan upgrade to heads | Plan downgrade to base | Resolve heads | Walk history |");
		System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (int size : sizes) {
			run(size);
		}
	}

	private static void run(int size) {
		List<Revision> revisions = generate(size, SEED);
		int runs = (size >= 100_000) ? 5 : 7;
		Timing build = median(size, "build + validate", runs, () -> RevisionGraph.of(revisions));
		RevisionGraph graph = (RevisionGraph) sink;
		Timing planUpgrade = median(size, "plan upgrade to heads", runs, () -> graph.upgrade(List.of(), "heads"));
		Plan upgrade = (Plan) sink;
		check(upgrade.steps().size() == size, "upgrade to heads has " + upgrade.steps().size() + " steps");
		Timing resolveHeads = median(size, "resolve heads", runs, () -> graph.revisions("heads"));
		Timing walk = median(size, "walk history", runs, () -> graph.walk("base", "heads"));
		check(((List<?>) sink).size() == size, "history lists " + ((List<?>) sink).size() + " revisions");
		Timing planDowngrade = median(size, "plan downgrade to base", runs,
				() -> graph.downgrade(upgrade.resultingHeads(), "base"));
		check(((Plan) sink).steps().size() == size, "downgrade to base has " + ((Plan) sink).steps().size() + " steps");

		long merges = revisions.stream().filter(Revision::isMergePoint).count();
		long labels = revisions.stream().mapToInt((revision) -> revision.branchLabels().size()).sum();
		long dependencies = revisions.stream().mapToInt((revision) -> revision.dependsOn().size()).sum();
		System.out.printf(Locale.ROOT, "| %,d | %d | %,d | %d | %,d | %s | %s | %s | %s | %s |%n", size,
				graph.heads().size(), merges, labels, dependencies, build, planUpgrade, planDowngrade,
				resolveHeads, walk);
	}

	/**
	 * Generates a graph of {@code size} revisions: independent branches that fork and merge,
	 * each ending in one head, with dependencies across branches.
	 */
	static List<Revision> generate(int size, long seed) {
		Random random = new Random(seed);
		int branches = Math.max(2, Math.min(8, size / 1_000 + 3));
		int maxTips = 4;
		Set<String> used = new HashSet<>();
		Map<String, String> parentOf = new HashMap<>();
		List<Revision> revisions = new ArrayList<>(size);
		List<Integer> branchOf = new ArrayList<>(size);
		List<List<String>> tips = new ArrayList<>();
		for (int branch = 0; branch < branches; branch++) {
			String id = newId(random, used);
			revisions.add(Revision.builder(id).branchLabels("branch_" + branch).message("start branch " + branch).build());
			branchOf.add(branch);
			tips.add(new ArrayList<>(List.of(id)));
		}
		while (revisions.size() + branchesToMerge(tips) < size - 1) {
			int branch = (random.nextBoolean()) ? 0 : random.nextInt(branches);
			List<String> open = tips.get(branch);
			String id = newId(random, used);
			Revision.Builder builder = Revision.builder(id).message("revision " + revisions.size());
			double roll = random.nextDouble();
			String sibling = open.get(random.nextInt(open.size()));
			if (open.size() > 1 && (roll < 0.03 || (open.size() >= maxTips && roll < 0.5))) {
				String first = open.remove(random.nextInt(open.size()));
				String second = open.remove(random.nextInt(open.size()));
				builder.revises(first, second);
				open.add(id);
			}
			else if (roll < 0.06 && open.size() < maxTips && parentOf.containsKey(sibling)) {
				// a sibling of a head: their parent becomes a branch point
				builder.revises(parentOf.get(sibling));
				if (random.nextDouble() < 0.1) {
					builder.branchLabels("feature_" + revisions.size());
				}
				open.add(id);
			}
			else {
				int tip = random.nextInt(open.size());
				builder.revises(open.get(tip));
				open.set(tip, id);
			}
			if (!builder.build().isMergePoint() && random.nextDouble() < 0.02) {
				addDependency(builder, random, revisions, branchOf, branch, branches);
			}
			Revision revision = builder.build();
			parentOf.put(id, revision.downRevisions().get(0));
			revisions.add(revision);
			branchOf.add(branch);
		}
		for (int branch = 0; branch < branches; branch++) {
			List<String> open = tips.get(branch);
			if (open.size() > 1) {
				String id = newId(random, used);
				revisions.add(Revision.builder(id).revises(open).message("merge branch " + branch).build());
				branchOf.add(branch);
				open.clear();
				open.add(id);
			}
		}
		while (revisions.size() < size) {
			String id = newId(random, used);
			revisions.add(Revision.builder(id).revises(tips.get(0).get(0)).message("revision " + revisions.size()).build());
			branchOf.add(0);
			tips.get(0).set(0, id);
		}
		revisions.sort(Comparator.comparing(Revision::id));
		return revisions;
	}

	/** Makes the revision depend on an earlier revision, or the label, of another branch. */
	private static void addDependency(Revision.Builder builder, Random random, List<Revision> revisions,
			List<Integer> branchOf, int branch, int branches) {
		if (random.nextInt(4) == 0) {
			int other = (branch + 1 + random.nextInt(branches - 1)) % branches;
			builder.dependsOn("branch_" + other);
			return;
		}
		for (int attempt = 0; attempt < 5; attempt++) {
			int candidate = random.nextInt(revisions.size());
			if (branchOf.get(candidate) != branch) {
				builder.dependsOn(revisions.get(candidate).id());
				return;
			}
		}
	}

	private static int branchesToMerge(List<List<String>> tips) {
		int count = 0;
		for (List<String> open : tips) {
			count += (open.size() > 1) ? 1 : 0;
		}
		return count;
	}

	private static String newId(Random random, Set<String> used) {
		while (true) {
			String id = String.format(Locale.ROOT, "%012x", random.nextLong() & 0xffff_ffff_ffffL);
			if (used.add(id)) {
				return id;
			}
		}
	}

	/**
	 * Warms the operation up, then times it {@code runs} times; an operation whose first run
	 * takes longer than {@link #SLOW_NANOS} is timed once. Reports each timing on the error
	 * stream as it is known, so that slow sizes show progress.
	 */
	private static Timing median(int size, String name, int runs, Supplier<Object> operation) {
		Timing timing = median(runs, operation);
		System.err.printf(Locale.ROOT, "%,d revisions: %s %s%n", size, name, timing);
		return timing;
	}

	private static Timing median(int runs, Supplier<Object> operation) {
		long first = time(operation);
		if (first > SLOW_NANOS) {
			return new Timing(first, 1);
		}
		long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
		for (int i = 1; i < 20 && (i < 3 || System.nanoTime() < warmUpEnd); i++) {
			time(operation);
		}
		long[] times = new long[runs];
		for (int i = 0; i < runs; i++) {
			times[i] = time(operation);
		}
		Arrays.sort(times);
		return new Timing(times[runs / 2], runs);
	}

	private static long time(Supplier<Object> operation) {
		long start = System.nanoTime();
		sink = operation.get();
		return System.nanoTime() - start;
	}

	/** A median time in nanoseconds, of a number of runs. */
	private record Timing(long nanos, int runs) {

		@Override
		public String toString() {
			double millis = this.nanos / 1_000_000.0;
			String text = String.format(Locale.ROOT, (millis < 10) ? "%.2f ms" : (millis < 100) ? "%.1f ms" : "%,.0f ms",
					millis);
			return (this.runs == 1) ? text + " (1 run)" : text;
		}

	}

	private static void check(boolean condition, String problem) {
		if (!condition) {
			throw new IllegalStateException("Generated graph is not what the benchmark expects: " + problem);
		}
	}

}
