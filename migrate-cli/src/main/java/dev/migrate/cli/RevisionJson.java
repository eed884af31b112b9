package dev.migrate.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Revisions as the JSON array that {@code --format json} prints. */
final class RevisionJson {

	private RevisionJson() {
	}

	static String toJson(List<RevisionView> revisions) {
		List<Map<String, Object>> objects = new ArrayList<>(revisions.size());
		for (RevisionView revision : revisions) {
			objects.add(toMap(revision));
		}
		return Json.write(objects);
	}

	static Map<String, Object> toMap(RevisionView revision) {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("id", revision.id());
		object.put("downRevisions", revision.downRevisions());
		object.put("branchLabels", revision.branchLabels());
		object.put("dependsOn", revision.dependsOn());
		object.put("message", revision.message());
		object.put("createDate", revision.createDate());
		object.put("isHead", revision.head());
		object.put("isEffectiveHead", revision.effectiveHead());
		object.put("isBranchPoint", revision.branchPoint());
		object.put("isMergePoint", revision.mergePoint());
		object.put("nextRevisions", revision.nextRevisions());
		object.put("transactional", revision.transactional());
		if (revision.current()) {
			object.put("isCurrent", true);
		}
		object.put("source", revision.source());
		if (revision.path() != null) {
			object.put("path", revision.path());
		}
		return object;
	}

}
