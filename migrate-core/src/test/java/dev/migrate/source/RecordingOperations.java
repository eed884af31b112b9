package dev.migrate.source;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import dev.migrate.ops.Operations;

/**
 * {@link Operations} that records the SQL handed to {@code execute}, as a proxy so that it
 * keeps compiling while {@code Operations} grows.
 */
final class RecordingOperations {

	private RecordingOperations() {
	}

	static Operations recordingInto(List<String> executed) {
		return (Operations) Proxy.newProxyInstance(RecordingOperations.class.getClassLoader(),
				new Class<?>[] { Operations.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "execute" -> executed.add((String) args[0]);
						case "toString" -> {
							return "RecordingOperations";
						}
						case "hashCode" -> {
							return System.identityHashCode(proxy);
						}
						case "equals" -> {
							return proxy == args[0];
						}
						default -> throw new UnsupportedOperationException(method.getName());
					}
					return null;
				});
	}

	static List<String> upgrade(dev.migrate.Migration migration) {
		List<String> executed = new ArrayList<>();
		migration.upgrade(recordingInto(executed));
		return executed;
	}

	static List<String> downgrade(dev.migrate.Migration migration) {
		List<String> executed = new ArrayList<>();
		migration.downgrade(recordingInto(executed));
		return executed;
	}

}
