package org.attoscope.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attoscope.cli.Main;
import org.attoscope.content.SiteConfig;
import org.attoscope.lessons.LessonCache;
import org.attoscope.lessons.LessonSection;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.LiveSite;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.playground.PlaygroundSection;
import org.attoscope.testing.TinyProject;
import org.attoscope.util.Folders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serve keeps each lesson's figures and formulas between saves ({@link LessonCache}) and reuses one only while
 * everything it is drawn from is byte-identical: after any edit, the pages on disk are the bytes a fresh
 * {@code attoscope build} of the same sources writes.
 */
class WarmLessonsTest {
    private static final String LESSON = "lessons/02-attention/index.html";
    private static final String HEATMAP = "```heatmap capture=spot-ran tensor=step00.attention_00 head=1\n```\n\n";
    private static final String EXPLORER = "```explorer story=cat point=3\n```\n";
    private static final String FORMULA = "The weights are $`p_i = e^{z_i} / \\sum_j e^{z_j}`$.\n\n```math\nz = q \\cdot k\n```\n\n";

    @TempDir
    Path dir;
    TinyProject project;
    LessonCache cache;
    LiveSite live;

    @BeforeEach
    void firstBuild() {
        project = new TinyProject(dir.resolve("served"));
        lesson("## Heads\n\n" + FORMULA + HEATMAP + EXPLORER);
        ModelBundle bundle = ModelBundle.load(project.model);
        cache = LessonCache.warm();
        live = new LiveSite(new SiteBuild.Folders(project.content, project.templates, project.site), SiteConfig.load(project.content),
                bundle, new ModelPageFigures(), new UnverifiedUpdates(), w -> { }, 2, content -> List.of(new LessonSection(content, bundle, cache), new PlaygroundSection(bundle)));
        live.update();
        assertEquals(2, cache.figuresDrawn(), "the first build draws the heatmap and the explorer figure");
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void aProseEditDrawsNoFigureAgainAndWritesWhatAFreshBuildWrites() throws IOException {
        lesson("## Heads\n\nA first new sentence.\n\n" + FORMULA + HEATMAP + EXPLORER);
        assertEquals(List.of(Addresses.SEARCH_INDEX, LESSON), live.update().written());
        lesson("## Heads\n\nA second new sentence, and the figures moved down a line.\n\n\n" + FORMULA + HEATMAP + EXPLORER);
        assertEquals(List.of(Addresses.SEARCH_INDEX, LESSON), live.update().written());
        assertEquals(2, cache.figuresDrawn(), "both figures were reused, twice");
        String page = project.read("site/" + LESSON);
        assertTrue(page.contains("data-from=\"02-attention.md:16\""), "a reused figure names the line its directive is on now: "
                + page.replaceAll("(?s).*?(data-from=\"[^\"]*\").*?", "$1 ").substring(0, 80));
        assertSameAsAFreshBuild("prose");
    }

    @Test
    void aStoryEditDrawsTheFigureOfThatStoryAgainAndNoOther() throws IOException {
        String before = project.read("site/" + LESSON);
        project.story("cat", "The cat", "A dog sat on the mat. The cat ran!");
        assertTrue(live.update().written().contains(LESSON));
        assertEquals(3, cache.figuresDrawn(), "the explorer figure of the cat, drawn again; the heatmap reused");
        assertNotEquals(before, project.read("site/" + LESSON));
        assertSameAsAFreshBuild("story");
    }

    @Test
    void aCaptureEditDrawsTheFiguresOfThatCaptureAgain() throws IOException {
        Path manifest = project.content.resolve("captures/spot-ran.json");
        Files.writeString(manifest, Files.readString(manifest) + "\n");
        assertEquals(List.of(LESSON), live.update().written());
        assertEquals(3, cache.figuresDrawn(), "the heatmap, whose capture's bytes changed");
        assertSameAsAFreshBuild("capture");
    }

    @Test
    void anEditedDirectiveIsDrawnAgain() throws IOException {
        lesson("## Heads\n\n" + FORMULA + HEATMAP.replace("head=1", "head=0") + EXPLORER);
        live.update();
        assertEquals(3, cache.figuresDrawn());
        assertSameAsAFreshBuild("directive");
    }

    @Test
    void aFigureTemplateEditDrawsEveryFigureAndFormulaAgain() throws IOException {
        Path figures = project.templates.resolve("figures.html");
        Files.writeString(figures, Files.readString(figures).replace("class=\"math math-inline\"", "class=\"math math-inline edited\"")
                .replace("font-family=\"sans-serif\"", "font-family=\"serif\""));
        live.update();
        assertEquals(4, cache.figuresDrawn());
        String page = project.read("site/" + LESSON);
        assertTrue(page.contains("math math-inline edited") && page.contains("font-family=\"serif\""), "new markup, not the kept one");
        assertSameAsAFreshBuild("template");
    }

    private void lesson(String body) {
        project.lesson("02-attention", "Attention", "One head's attention.", body);
    }

    /** The served site against {@code attoscope build} of a copy of the same sources, file by file. */
    private void assertSameAsAFreshBuild(String name) {
        Path fresh = dir.resolve("fresh-" + name);
        for (String part : List.of("content", "templates", "model")) {
            Folders.copy(project.root.resolve(part), fresh.resolve(part));
        }
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"build", "--content", fresh.resolve("content").toString(), "--templates",
                fresh.resolve("templates").toString(), "--out", fresh.resolve("site").toString(), "--threads", "2"},
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertEquals(0, exit, err.toString());
        Map<String, byte[]> served = IncrementalRebuildTest.snapshot(project.site);
        Map<String, byte[]> built = IncrementalRebuildTest.snapshot(fresh.resolve("site"));
        built.keySet().removeIf(p -> p.startsWith("verification/") || p.equals(".attoscope-site.json"));
        served.remove(".attoscope-site.json");
        assertEquals(built.keySet(), served.keySet());
        built.forEach((p, b) -> assertArrayEquals(b, served.get(p), p));
    }
}
