package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ClassUtils;

import dev.migrate.MigrateException;
import dev.migrate.Migration;
import dev.migrate.Migrator;
import dev.migrate.autoconfigure.ResourceRevisionLoader.ResourceLocation;
import dev.migrate.revision.Revision;
import dev.migrate.source.Fingerprint;
import dev.migrate.source.JavaRevisions;
import dev.migrate.source.RevisionSource;

/**
 * An application's revisions: those under {@code migrate.locations}, found with Spring's
 * resource resolution, and the {@code Migration} beans annotated {@code @Revision}. The
 * locations are resolved once, by whichever of {@link #fingerprint} and {@link #load} runs
 * first.
 */
final class ApplicationRevisions implements RevisionSource {

	private final ResourceRevisionLoader loader;

	private final List<String> locations;

	private final boolean optional;

	private final List<Migration> beans;

	private volatile @Nullable Map<ResourceLocation, List<Resource>> roots;

	ApplicationRevisions(MigrateProperties properties, ResourceLoader resourceLoader, List<Migration> beans) {
		this.loader = new ResourceRevisionLoader(resourceLoader);
		this.locations = List.copyOf(properties.getLocations());
		this.optional = this.locations.equals(List.of(Migrator.DEFAULT_LOCATION));
		this.beans = List.copyOf(beans);
	}

	@Override
	public boolean fingerprint(Fingerprint fingerprint) {
		Map<ResourceLocation, List<Resource>> found;
		try {
			found = roots();
		}
		catch (MigrateException ex) {
			return false; // loading reports it
		}
		if (!this.loader.fingerprint(found, fingerprint)) {
			return false;
		}
		fingerprint.add(this.beans.size());
		for (Migration bean : this.beans) {
			if (revisionClass(bean) != null) {
				fingerprint.add(JavaRevisions.of(bean));
			}
			else {
				fingerprint.add("not a revision");
			}
		}
		return true;
	}

	@Override
	public Collection<Revision> load() {
		Set<String> beanClasses = new HashSet<>();
		List<Revision> beanRevisions = new ArrayList<>();
		for (Migration bean : this.beans) {
			Class<?> type = revisionClass(bean);
			if (type != null) {
				beanClasses.add(type.getName());
				beanRevisions.add(JavaRevisions.of(bean));
			}
		}
		List<Revision> revisions = new ArrayList<>(this.loader.load(roots(), beanClasses));
		revisions.addAll(beanRevisions);
		return revisions;
	}

	private Map<ResourceLocation, List<Resource>> roots() {
		Map<ResourceLocation, List<Resource>> found = this.roots;
		if (found == null) {
			found = this.loader.roots(this.locations, this.optional);
			this.roots = found;
		}
		return found;
	}

	/** The class of a bean annotated {@code @Revision}, or {@code null} when it is not. */
	private static @Nullable Class<?> revisionClass(Migration bean) {
		Class<?> type = ClassUtils.getUserClass(bean);
		while (type != null && !type.isAnnotationPresent(dev.migrate.Revision.class)) {
			type = type.getSuperclass();
		}
		return type;
	}

}
