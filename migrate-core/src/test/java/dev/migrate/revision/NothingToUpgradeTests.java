package dev.migrate.revision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade to {@code heads} from exactly the real heads is answered without planning:
 * the answer is the planner's, on random graphs with the heads in any order.
 */
class NothingToUpgradeTests {

	@Test
	void givesThePlannersEmptyPlanAtTheRealHeads() {
		for (int seed = 0; seed < 300; seed++) {
			Random random = new Random(seed);
			RevisionGraph graph = RevisionGraph.of(InheritanceTests.randomGraph(random, 1 + random.nextInt(80)));
			List<String> heads = new ArrayList<>(graph.realHeads());
			Collections.shuffle(heads, random);
			Plan planned = new Planner(graph).upgrade(List.copyOf(heads), "heads");
			Plan answered = graph.upgrade(heads, "heads");
			assertThat(answered).as("seed %d", seed).isEqualTo(planned);
			assertThat(answered.steps()).isEmpty();
		}
	}

	@Test
	void plansFromAnyOtherHeads() {
		for (int seed = 0; seed < 300; seed++) {
			Random random = new Random(seed);
			RevisionGraph graph = RevisionGraph.of(InheritanceTests.randomGraph(random, 2 + random.nextInt(80)));
			List<String> heads = new ArrayList<>(graph.realHeads());
			if (random.nextBoolean() || heads.size() == 1) {
				heads.remove(random.nextInt(heads.size()));
			}
			else {
				heads.add(heads.get(0)); // a head twice is not the real heads
			}
			assertThat(graph.upgrade(heads, "heads")).as("seed %d", seed)
				.isEqualTo(new Planner(graph).upgrade(List.copyOf(heads), "heads"));
		}
	}

}
