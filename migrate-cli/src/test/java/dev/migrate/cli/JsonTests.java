package dev.migrate.cli;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonTests {

	@Test
	void escapesQuotesBackslashesAndControlCharacters() {
		assertThat(Json.write("a\"b\\c\nd\re\tf\u0001g\u2028")).isEqualTo("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028\"");
	}

	@Test
	void keepsNonAsciiText() {
		assertThat(Json.write("café ✓")).isEqualTo("\"café ✓\"");
	}

	@Test
	void writesWhatItsParserReadsBack() {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("text", "line\nwith \"quotes\" and \\ and \u0000");
		object.put("flag", true);
		object.put("none", null);
		object.put("list", List.of("a", "b"));
		object.put("empty", List.of());
		object.put("nested", List.of(Map.of("k", "v")));
		object.put("count", 3);
		Object parsed = JsonParser.parse(Json.write(List.of(object, Map.of())));
		Map<String, Object> expected = new LinkedHashMap<>(object);
		expected.put("count", 3.0);
		assertThat(parsed).isEqualTo(Arrays.asList(expected, Map.of()));
	}

}
