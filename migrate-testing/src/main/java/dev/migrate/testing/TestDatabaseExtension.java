package dev.migrate.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import dev.migrate.testing.TestDatabase.Engine;

/**
 * Backs {@link PostgresTest}, {@link MariaDbTest} and {@link H2Test}: checks the server
 * before each test (so an unreachable one skips or fails the test rather than its parameter
 * resolution), creates the test's database when a parameter asks for it, and drops it when
 * the test is done. The annotation nearest the test wins: the method's, then its class's,
 * then the enclosing classes'.
 */
final class TestDatabaseExtension implements BeforeEachCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(TestDatabaseExtension.class);

	private static final Map<Class<? extends Annotation>, Engine> ENGINES = Map.of(PostgresTest.class,
			Engine.POSTGRESQL, MariaDbTest.class, Engine.MARIADB, H2Test.class, Engine.H2);

	@Override
	public void beforeEach(ExtensionContext context) {
		TestDatabases.provisioner().require(engine(context));
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == TestDatabase.class
				&& extensionContext.getTestMethod().isPresent();
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		// the store closes the database (an AutoCloseable) when the test's context ends
		return extensionContext.getStore(NAMESPACE)
			.computeIfAbsent(TestDatabase.class, (key) -> TestDatabases.create(engine(extensionContext)),
					TestDatabase.class);
	}

	private static Engine engine(ExtensionContext context) {
		List<AnnotatedElement> elements = new ArrayList<>();
		context.getTestMethod().ifPresent(elements::add);
		for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
			elements.add(type);
		}
		for (AnnotatedElement element : elements) {
			List<Engine> found = new ArrayList<>();
			ENGINES.forEach((annotation, engine) -> {
				if (AnnotationSupport.isAnnotated(element, annotation)) {
					found.add(engine);
				}
			});
			if (found.size() > 1) {
				throw new ExtensionConfigurationException(
						element + " asks for databases of several engines " + found + ": keep one of the annotations");
			}
			if (found.size() == 1) {
				return found.get(0);
			}
		}
		throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
				+ " uses the test database extension without @PostgresTest, @MariaDbTest or @H2Test");
	}

}
