package dev.migrate.source;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WalkOrderTests {

	@Test
	void putsADirectorysFilesBeforeItsSubDirectories() {
		assertThat(sorted("z/a.sql", "b.sql", "a/b.sql", "c.sql")).containsExactly("b.sql", "c.sql", "a/b.sql", "z/a.sql");
	}

	@Test
	void walksEachSubDirectoryWholeBeforeTheNext() {
		assertThat(sorted("b/x.sql", "a/y/z.sql", "a/w.sql", "a/y/a.sql", "a/x/q.sql", "b/a/c.sql"))
			.containsExactly("a/w.sql", "a/x/q.sql", "a/y/a.sql", "a/y/z.sql", "b/x.sql", "b/a/c.sql");
	}

	@Test
	void sortsNamesByCodePointAsPythonDoes() {
		assertThat(sorted("b.sql", "B.sql", "_.sql", "10.sql", "9.sql", "AddUsers.class", "AddUsers$1.class"))
			.containsExactly("10.sql", "9.sql", "AddUsers$1.class", "AddUsers.class", "B.sql", "_.sql", "b.sql");
		assertThat(WalkOrder.compareNames("\uFFFD.sql", "\uD83D\uDE00.sql")).isNegative();
	}

	@Test
	void sortsADirectorysNamesByCodePointWithOrWithoutSurrogates() {
		char[] alphabet = { 'a', 'B', '_', '\u00e9', '\uE000', '\uFFFD', '\uD83D', '\uDE00', '\uD800', '\uDC00' };
		java.util.Random random = new java.util.Random(20261124);
		for (int round = 0; round < 2_000; round++) {
			String[] names = new String[1 + random.nextInt(6)];
			for (int i = 0; i < names.length; i++) {
				StringBuilder name = new StringBuilder();
				for (int length = 1 + random.nextInt(4); length > 0; length--) {
					name.append(alphabet[random.nextInt(alphabet.length)]);
				}
				names[i] = name.toString();
			}
			String[] expected = names.clone();
			java.util.Arrays.sort(expected, WalkOrder::compareNames);
			WalkOrder.sortNames(names);
			assertThat(names).as("round %d", round).containsExactly(expected);
		}
	}

	@Test
	void ordersAFileBeforeADirectoryWithTheSameStem() {
		assertThat(sorted("x/a.sql", "x.sql")).containsExactly("x.sql", "x/a.sql");
	}

	private static List<String> sorted(String... paths) {
		List<String> result = new ArrayList<>(List.of(paths));
		result.sort(WalkOrder.INSTANCE);
		return result;
	}

}
