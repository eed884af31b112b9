package dev.migrate.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DurationsTests {

	@Test
	void readsANumberWithAUnit() {
		assertThat(Durations.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
		assertThat(Durations.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
		assertThat(Durations.parse(" 5m ", "x")).isEqualTo(Duration.ofMinutes(5));
		assertThat(Durations.parse("1H", "x")).isEqualTo(Duration.ofHours(1));
		assertThat(Durations.parse("0", "x")).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsABareNumberAsSeconds() {
		assertThat(Durations.parse("45", "x")).isEqualTo(Duration.ofSeconds(45));
	}

	@Test
	void readsIso8601() {
		assertThat(Durations.parse("PT1M30S", "x")).isEqualTo(Duration.ofSeconds(90));
		assertThat(Durations.parse("pt2s", "x")).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void refusesAnythingElseNamingItsOrigin() {
		for (String text : new String[] { "", "soon", "-1s", "-PT1S", "5 minutes", "1d", "99999999999999999999" }) {
			assertThatExceptionOfType(CliException.class).isThrownBy(() -> Durations.parse(text, "--lock-timeout"))
				.withMessage("--lock-timeout is '" + text + "'; give a duration such as 500ms, 30s, 5m, 1h or PT5M");
		}
	}

	@Test
	void formatsForPeople() {
		assertThat(Durations.format(Duration.ofMillis(135))).isEqualTo("135 ms");
		assertThat(Durations.format(Duration.ofMillis(2420))).isEqualTo("2.4 s");
	}

}
