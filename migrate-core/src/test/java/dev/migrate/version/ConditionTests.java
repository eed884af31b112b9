package dev.migrate.version;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.dialect.Dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A condition written into a statement as literals, or left to be bound. */
class ConditionTests {

	private static final Dialect POSTGRESQL = Dialect.forUrl("jdbc:postgresql://localhost/db");

	@Test
	void writesEachParameterAsAnEscapedLiteralInMarkerOrder() {
		Condition condition = new Condition("(f(?) AND g(?, ?))", Arrays.asList("it's", null, "a?b"));
		assertThat(condition.inlinable()).isTrue();
		assertThat(condition.inline(POSTGRESQL)).isEqualTo("(f('it''s') AND g(NULL, 'a?b'))");
	}

	@Test
	void parameterWithABackslashIsLeftToBeBound() {
		assertThat(new Condition("(f(?))", List.of("a\\b")).inlinable()).isFalse();
	}

	@Test
	void markersThatDoNotMatchTheParametersAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> new Condition("(f(?))", List.of("a", "b")).inline(POSTGRESQL))
			.withMessageContaining("2 parameters for 1 markers");
		assertThatIllegalStateException().isThrownBy(() -> new Condition("(f(?, ?))", List.of("a")).inline(POSTGRESQL))
			.withMessageContaining("1 parameters for 2 markers");
	}

}
