package dev.migrate.source;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;

/**
 * A class loader that hides one package (classes and resources) of its parent, so that a
 * child loader serves that package from a jar built at test time.
 */
final class HidingClassLoader extends ClassLoader {

	private final String hiddenPath;

	private final String hiddenPackage;

	HidingClassLoader(ClassLoader parent, String hiddenPath) {
		super(parent);
		this.hiddenPath = hiddenPath + "/";
		this.hiddenPackage = hiddenPath.replace('/', '.') + ".";
	}

	@Override
	protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
		if (name.startsWith(this.hiddenPackage)) {
			throw new ClassNotFoundException(name);
		}
		return super.loadClass(name, resolve);
	}

	@Override
	public URL getResource(String name) {
		return hidden(name) ? null : super.getResource(name);
	}

	@Override
	public Enumeration<URL> getResources(String name) throws IOException {
		return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
	}

	private boolean hidden(String name) {
		return (name + "/").startsWith(this.hiddenPath);
	}

}
