package dev.migrate.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;

/** Makes {@link RevisionView}s of the revisions of one graph. */
final class RevisionViews {

	private final RevisionGraph graph;

	private final CliContext context;

	private final Set<String> realHeads;

	private final Map<String, Integer> loadOrder = new HashMap<>();

	private Set<String> currents = Set.of();

	RevisionViews(RevisionGraph graph, CliContext context) {
		this.graph = graph;
		this.context = context;
		this.realHeads = new HashSet<>(graph.realHeads());
		List<Revision> revisions = graph.revisions();
		for (int i = 0; i < revisions.size(); i++) {
			this.loadOrder.put(revisions.get(i).id(), i);
		}
	}

	/** Marks the revisions the database is at, shown as {@code (current)}. */
	RevisionViews currents(Collection<String> ids) {
		this.currents = Set.copyOf(ids);
		return this;
	}

	List<RevisionView> ofIds(Collection<String> ids) {
		List<RevisionView> views = new ArrayList<>(ids.size());
		for (String id : ids) {
			views.add(of(this.graph.get(id)));
		}
		return views;
	}

	List<RevisionView> of(Collection<Revision> revisions) {
		List<RevisionView> views = new ArrayList<>(revisions.size());
		for (Revision revision : revisions) {
			views.add(of(revision));
		}
		return views;
	}

	RevisionView of(Revision revision) {
		String id = revision.id();
		List<String> next = new ArrayList<>(this.graph.nextRevisions(id));
		next.sort(Comparator.comparing((String nextId) -> this.loadOrder.getOrDefault(nextId, Integer.MAX_VALUE)));
		List<String> labels = new ArrayList<>(this.graph.branchLabels(id));
		labels.sort(null);
		return new RevisionView(id, revision.downRevisions(), revision.dependsOn(), List.copyOf(labels),
				revision.message(), revision.createDate(), revision.source(), path(revision), List.copyOf(next),
				this.graph.isHead(id), this.realHeads.contains(id), this.graph.isBranchPoint(id),
				revision.isMergePoint(), this.currents.contains(id), revision.isTransactional());
	}

	/** The revision's file when its source names one (not a class, not a resource in a jar). */
	private String path(Revision revision) {
		String source = revision.source();
		if (source == null || source.startsWith("class ")) {
			return null;
		}
		try {
			Path path = this.context.workingDirectory().resolve(source);
			return Files.isRegularFile(path) ? this.context.display(path) : null;
		}
		catch (InvalidPathException ex) {
			return null;
		}
	}

}
