package dev.migrate.autoconfigure;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata that the annotation processor generates from
 * {@link MigrateProperties}, merged with the hand-written additions.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyIsDescribed() throws Exception {
		String json = metadata();
		List<String> expected = Arrays.stream(Introspector.getBeanInfo(MigrateProperties.class).getPropertyDescriptors())
			.filter((descriptor) -> descriptor.getWriteMethod() != null)
			.map(PropertyDescriptor::getName)
			.map((name) -> "migrate." + kebab(name))
			.toList();
		List<String> names = JsonPath.read(json, "$.properties[*].name");
		assertThat(names).containsExactlyInAnyOrderElementsOf(expected);
		for (String name : names) {
			List<String> descriptions = JsonPath.read(json, "$.properties[?(@.name == '" + name + "')].description");
			assertThat(descriptions).as(name).singleElement().asString().isNotBlank().endsWith(".").doesNotStartWith("The ");
		}
	}

	@Test
	void defaultsAreRecorded() throws Exception {
		String json = metadata();
		assertThat(defaultValue(json, "migrate.enabled")).isEqualTo(true);
		assertThat(defaultValue(json, "migrate.locations")).asInstanceOf(InstanceOfAssertFactories.LIST).containsExactly("classpath:db/revisions");
		assertThat(defaultValue(json, "migrate.table")).isEqualTo("migrate_version");
		assertThat(defaultValue(json, "migrate.history-table")).isEqualTo("migrate_history");
		assertThat(defaultValue(json, "migrate.lock-timeout")).isEqualTo("5m");
		assertThat(defaultValue(json, "migrate.lock")).isEqualTo("advisory");
		assertThat(defaultValue(json, "migrate.transaction-mode")).isEqualTo("per-revision");
		assertThat(defaultValue(json, "migrate.on-startup")).isEqualTo("upgrade");
		assertThat(defaultValue(json, "migrate.target")).isEqualTo("heads");
		assertThat(defaultValue(json, "migrate.ignore-unknown-revisions")).isEqualTo(false);
	}

	@Test
	void enumPropertiesHaveAHintForEachValue() throws Exception {
		String json = metadata();
		assertHints(json, "migrate.on-startup", MigrateProperties.OnStartup.values());
		assertHints(json, "migrate.lock", dev.migrate.LockMode.values());
		assertHints(json, "migrate.transaction-mode", dev.migrate.TransactionMode.values());
	}

	private static void assertHints(String json, String name, Enum<?>[] values) {
		List<String> hinted = JsonPath.read(json, "$.hints[?(@.name == '" + name + "')].values[*].value");
		List<String> descriptions = JsonPath.read(json, "$.hints[?(@.name == '" + name + "')].values[*].description");
		assertThat(hinted).as(name)
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(values).map((value) -> value.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
		assertThat(descriptions).as(name).hasSameSizeAs(hinted).allSatisfy((description) -> assertThat(description).isNotBlank());
	}

	private static Object defaultValue(String json, String name) {
		List<Object> values = JsonPath.read(json, "$.properties[?(@.name == '" + name + "')].defaultValue");
		assertThat(values).as(name).hasSize(1);
		return values.get(0);
	}

	private static String metadata() throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
			try (InputStream in = resource.getInputStream()) {
				String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				List<String> groups = JsonPath.read(json, "$.groups[*].name");
				if (groups.contains("migrate")) {
					return json;
				}
			}
		}
		throw new IllegalStateException("No configuration metadata of group 'migrate' on the class path");
	}

	private static String kebab(String name) {
		return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
	}

	@Test
	void noUnexpectedGroups() throws Exception {
		List<Map<String, Object>> groups = JsonPath.read(metadata(), "$.groups");
		assertThat(groups).extracting((group) -> group.get("name")).containsExactly("migrate");
	}

}
