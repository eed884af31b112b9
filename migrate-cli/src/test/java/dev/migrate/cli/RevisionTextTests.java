package dev.migrate.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.revision.Revision;
import dev.migrate.revision.RevisionGraph;

import static org.assertj.core.api.Assertions.assertThat;

class RevisionTextTests {

	@TempDir
	Path dir;

	@Test
	void lineShowsParentsLabelsHeadAndMessage() {
		RevisionViews views = views(Revision.builder("a1").message("create users").build(),
				Revision.builder("b2").revises("a1").branchLabels("shop").message("add products").build());
		assertThat(RevisionText.line(view(views, "b2"), true, true, true, true))
			.isEqualTo("a1 -> b2 (shop) (head), add products");
		assertThat(RevisionText.line(view(views, "a1"), true, true, true, true))
			.isEqualTo("<base> -> a1 (shop), create users");
	}

	@Test
	void lineShowsDependenciesAfterTheParents() {
		RevisionViews views = views(Revision.of("a1"), Revision.of("b1"),
				Revision.builder("b2").revises("b1").dependsOn("a1").message("m").build());
		assertThat(RevisionText.line(view(views, "b2"), true, true, true, true)).isEqualTo("b1 (a1) -> b2 (head), m");
	}

	@Test
	void lineShowsEffectiveHeadForAHeadOthersDependOn() {
		RevisionViews views = views(Revision.of("a1"), Revision.of("b1"),
				Revision.builder("b2").revises("b1").dependsOn("a1").build());
		assertThat(RevisionText.line(view(views, "a1"), true, false, false, false)).isEqualTo("a1 (effective head)");
		assertThat(RevisionText.line(view(views, "b2"), true, false, false, false)).isEqualTo("b2 (head)");
	}

	@Test
	void lineShowsBranchAndMergePointsWithTreeIndicators() {
		RevisionViews views = views(Revision.of("a"), Revision.of("b", "a"), Revision.of("c", "a"),
				Revision.of("d", "b", "c"));
		assertThat(RevisionText.line(view(views, "a"), true, false, false, true)).isEqualTo("a (branchpoint)");
		assertThat(RevisionText.line(view(views, "a"), true, false, false, false)).isEqualTo("a");
		assertThat(RevisionText.line(view(views, "d"), true, true, true, true))
			.isEqualTo("b, c -> d (head) (mergepoint), ");
	}

	@Test
	void lineShowsCurrent() {
		RevisionViews views = views(Revision.of("a"), Revision.of("b", "a")).currents(List.of("a"));
		assertThat(RevisionText.line(view(views, "a"), true, true, true, true)).isEqualTo("<base> -> a (current), ");
	}

	@Test
	void entryReadsLikeAlembicsLogEntry() {
		RevisionViews views = views(
				Revision.builder("27c6a30d7c24").message("create users").source("db/revisions/27c6a30d7c24_x.sql")
					.build(),
				Revision.builder("1975ea83b712").revises("27c6a30d7c24").branchLabels("shop")
					.message("add products table").createDate("2026-11-24 10:30:00")
					.source(file("db/revisions/1975ea83b712_add_products_table.sql")).build());
		assertThat(RevisionText.entry(view(views, "1975ea83b712"))).isEqualTo("""
				Rev: 1975ea83b712 (head)
				Parent: 27c6a30d7c24
				Branch names: shop
				Path: db/revisions/1975ea83b712_add_products_table.sql

				    add products table

				    Revision ID: 1975ea83b712
				    Revises: 27c6a30d7c24
				    Create Date: 2026-11-24 10:30:00
				""");
	}

	@Test
	void entryOfABranchPointAndAMergePoint() {
		RevisionViews views = views(Revision.builder("a").message("base").source(file("r/a.sql")).build(),
				Revision.of("b", "a"), Revision.of("c", "a"),
				Revision.builder("d").revises("b", "c").dependsOn("a").source("class db.revisions.D").build());
		assertThat(RevisionText.entry(view(views, "a"))).startsWith("""
				Rev: a (branchpoint)
				Parent: <base>
				Branches into: b, c
				Path: r/a.sql
				""");
		assertThat(RevisionText.entry(view(views, "d"))).isEqualTo("""
				Rev: d (head) (mergepoint)
				Merges: b, c
				Also depends on: a
				Source: class db.revisions.D

				    Revision ID: d
				    Revises: b, c
				""");
	}

	@Test
	void absolutePathsUnderTheWorkingDirectoryAreShownRelative() {
		String source = this.dir.resolve(file("db/revisions/a.sql")).toString();
		RevisionViews views = views(Revision.builder("a").source(source).build());
		assertThat(view(views, "a").path()).isEqualTo(Path.of("db/revisions/a.sql").toString());
	}

	@Test
	void sourcesThatAreNotFilesHaveNoPath() {
		RevisionViews views = views(Revision.builder("a").source("db/revisions/in_a_jar.sql").build(),
				Revision.builder("b").revises("a").source("class db.revisions.B").build());
		assertThat(view(views, "a").path()).isNull();
		assertThat(RevisionText.entry(view(views, "a"))).contains("\nSource: db/revisions/in_a_jar.sql\n");
		assertThat(view(views, "b").path()).isNull();
	}

	private String file(String path) {
		try {
			Path file = this.dir.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, "");
			return path;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void jsonHasTheRevisionFields() {
		RevisionViews views = views(Revision.builder("a").message("say \"hi\"\n\\").source(file("r/a.sql")).build(),
				Revision.builder("b").revises("a").branchLabels("x").dependsOn("a").createDate("2026-01-02 03:04:05")
					.transactional(false).source("class p.B").build());
		String json = RevisionJson.toJson(views.ofIds(List.of("b", "a")));
		assertThat(json).isEqualTo("""
				[
				  {
				    "id": "b",
				    "downRevisions": ["a"],
				    "branchLabels": ["x"],
				    "dependsOn": ["a"],
				    "message": "",
				    "createDate": "2026-01-02 03:04:05",
				    "isHead": true,
				    "isEffectiveHead": false,
				    "isBranchPoint": false,
				    "isMergePoint": false,
				    "nextRevisions": [],
				    "transactional": false,
				    "source": "class p.B"
				  },
				  {
				    "id": "a",
				    "downRevisions": [],
				    "branchLabels": ["x"],
				    "dependsOn": [],
				    "message": "say \\"hi\\"\\n\\\\",
				    "createDate": null,
				    "isHead": false,
				    "isEffectiveHead": false,
				    "isBranchPoint": false,
				    "isMergePoint": false,
				    "nextRevisions": ["b"],
				    "transactional": true,
				    "source": "r/a.sql",
				    "path": "r/a.sql"
				  }
				]""");
		assertThat(JsonParser.parse(json)).isInstanceOf(List.class);
	}

	@Test
	void emptyJsonArray() {
		assertThat(RevisionJson.toJson(List.of())).isEqualTo("[]");
	}

	private RevisionViews views(Revision... revisions) {
		CliContext context = new CliContext(Map.of(), this.dir, new PrintWriter(new StringWriter()),
				new PrintWriter(new StringWriter()), Clock.systemUTC(), new Random());
		return new RevisionViews(RevisionGraph.of(List.of(revisions)), context);
	}

	private static RevisionView view(RevisionViews views, String id) {
		return views.ofIds(List.of(id)).get(0);
	}

}
