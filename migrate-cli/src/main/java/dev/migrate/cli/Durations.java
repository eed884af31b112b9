package dev.migrate.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations of the timeout settings: a number with a unit ({@code 500ms},
 * {@code 30s}, {@code 5m}, {@code 1h}), a number of seconds ({@code 30}), or ISO-8601
 * ({@code PT5M}).
 */
final class Durations {

	private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");

	private Durations() {
	}

	/**
	 * Parses a duration.
	 * @param origin where the text comes from, for the error
	 * @throws CliException when the text is not a duration
	 */
	static Duration parse(String text, String origin) {
		String value = text.trim().toLowerCase(Locale.ROOT);
		Matcher matcher = NUMBER_AND_UNIT.matcher(value);
		try {
			if (matcher.matches()) {
				long amount = Long.parseLong(matcher.group(1));
				String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
				return switch (unit) {
					case "ms" -> Duration.ofMillis(amount);
					case "m" -> Duration.ofMinutes(amount);
					case "h" -> Duration.ofHours(amount);
					default -> Duration.ofSeconds(amount);
				};
			}
			if (value.startsWith("pt") || value.startsWith("p")) {
				Duration duration = Duration.parse(value.toUpperCase(Locale.ROOT));
				if (!duration.isNegative()) {
					return duration;
				}
			}
		}
		catch (ArithmeticException | NumberFormatException | DateTimeParseException ex) {
			// reported below
		}
		throw new CliException(origin + " is '" + text + "'; give a duration such as 500ms, 30s, 5m, 1h or PT5M");
	}

	/** A duration as people read it: {@code 300 ms}, {@code 1.2 s}. */
	static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

}
