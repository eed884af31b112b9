package dev.migrate.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Type}.
 */
class TypeTests {

	@Test
	void describesItselfAsItsFactory() {
		assertThat(Type.string(200)).hasToString("string(200)");
		assertThat(Type.string()).hasToString("string");
		assertThat(Type.numeric(10, 2)).hasToString("numeric(10, 2)");
		assertThat(Type.timestampTz()).hasToString("timestampTz");
		assertThat(Type.doublePrecision()).hasToString("doublePrecision");
		assertThat(Type.enumType("status", "a", "b")).hasToString("enum status[a, b]");
		assertThat(Type.raw("tsvector")).hasToString("raw(tsvector)");
		assertThat(Type.jsonb()).hasToString("jsonb");
	}

	@Test
	void comparesByValue() {
		assertThat(Type.numeric(10, 2)).isEqualTo(Type.numeric(10, 2)).isNotEqualTo(Type.numeric(10, 3));
		assertThat(Type.enumType("s", "a")).isEqualTo(Type.enumType("s", "a"));
	}

	@Test
	void refusesImpossibleTypes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Type.string(0))
			.withMessage("A string length must be 1 or more, was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Type.numeric(4, 5))
			.withMessage("A numeric scale must be between 0 and the precision, was 5 for precision 4");
		assertThatIllegalArgumentException().isThrownBy(() -> Type.enumType("status"))
			.withMessage("Enum type status needs at least one value");
		assertThatIllegalArgumentException().isThrownBy(() -> Type.enumType("status", "a", "a"))
			.withMessage("Enum type status lists a value twice: [a, a]");
		assertThatIllegalArgumentException().isThrownBy(() -> Type.raw(" "))
			.withMessage("raw type must not be null or blank, was ' '");
	}

}
