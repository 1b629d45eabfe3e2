package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.attoscope.testing.Immutable;
import org.attoscope.testing.TinyProject;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * attoscope replaces only what it wrote: a published site lists its files in {@code .attoscope-site.json}; any other
 * non-empty folder, or a site holding a file attoscope did not write, is refused with nothing removed; and publishing
 * is checked before anything moves, so the old site survives every failure byte for byte.
 */
class OwnOutputTest {
    @TempDir
    Path dir;

    @Test
    void aPublishedSiteListsEveryFileItWroteWithItsHash() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        JsonNode marker = Json.mapper().readTree(project.site.resolve(".attoscope-site.json").toFile());
        assertEquals("attoscope", marker.path("generator").asText());
        Map<String, byte[]> files = snapshot(project.site);
        files.values().removeIf(b -> b == FOLDER);
        files.remove(".attoscope-site.json");
        assertEquals(files.keySet(), fieldNames(marker.path("files")));
        files.forEach((path, bytes) -> assertEquals(Sha256.hex(bytes), marker.path("files").path(path).asText(), path));
        assertTrue(files.containsKey("verification/report.json"), "the verifier's report is attoscope's too");
    }

    @Test
    void aFolderThatMerelyHoldsAnIndexHtmlIsNotASiteToWipe() throws IOException {
        TinyProject project = new TinyProject(dir);
        Path mine = Files.createDirectories(dir.resolve("my-homepage"));
        Files.writeString(mine.resolve("index.html"), "<p>my page</p>");
        Files.writeString(mine.resolve("photo.jpg"), "jpeg");
        Map<String, byte[]> before = snapshot(mine);

        var run = buildInto(project, mine);
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("is not a site attoscope built (it has no .attoscope-site.json)"), run.err());
        assertTrue(run.err().contains("nothing was touched"), run.err());
        assertSame(before, snapshot(mine));
        assertEquals(List.of("content", "model", "my-homepage", "templates"), names(dir), "no staging folder was even made");
    }

    @Test
    void serveRefusesAForeignFolderTooBeforeBuildingAnything() throws IOException {
        TinyProject project = new TinyProject(dir);
        Path mine = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(mine.resolve("index.html"), "mine");
        var run = org.attoscope.testing.Cli.attoscope("serve", "--content", project.content.toString(), "--templates",
                project.templates.toString(), "--out", mine.toString(), "--port", "0", "--threads", "1");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("is not a site attoscope built"), run.err());
        assertEquals("mine", Files.readString(mine.resolve("index.html")));
    }

    @Test
    void aFileTheUserPutInsideTheSiteIsNamedAndKeptAndTheSiteIsNotReplaced() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        Files.writeString(project.site.resolve("explore/notes.txt"), "my notes");
        Files.createDirectories(project.site.resolve("drafts"));
        Map<String, byte[]> before = snapshot(project.site);

        assertEquals(1, project.build());
        String err = project.err.toString();
        assertTrue(err.contains("the site holds 2 files or folders attoscope did not write (drafts, explore/notes.txt)"), err);
        assertTrue(err.contains("move them out of the site folder"), err);
        assertSame(before, snapshot(project.site));

        Files.delete(project.site.resolve("explore/notes.txt"));
        Files.delete(project.site.resolve("drafts"));
        assertEquals(0, project.build(), "once they are moved out, the site is attoscope's again: " + project.err);
    }

    @Test
    void anEditedFileOfTheSiteIsStillAttoscopesAndIsRebuilt() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        byte[] built = Files.readAllBytes(project.site.resolve("index.html"));
        Files.writeString(project.site.resolve("index.html"), "hand edit");
        assertEquals(0, project.build(), project.err.toString());
        assertArrayEquals(built, Files.readAllBytes(project.site.resolve("index.html")));
    }

    @Test
    void aReadOnlyFolderInsideTheSiteIsFoundBeforeAnythingMovesAndTheOldSiteStaysByteForByte() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        Map<String, byte[]> before = snapshot(project.site);
        Path assets = project.site.resolve("assets");
        try (Immutable locked = Immutable.of(assets)) {
            assertEquals(1, project.build());
            String err = project.err.toString();
            assertTrue(err.contains("the old site cannot be removed after the new one is in place: " + assets + " is not writable"), err);
            assertTrue(err.contains("chattr -R -i"), err);
            assertSame(before, snapshot(project.site));
            // the verification cache is attoscope's own folder beside the site, kept on purpose; nothing else is there
            assertEquals(List.of(".attoscope-cache", "content", "model", "site", "templates"), names(dir), "nothing stranded beside the site");
        }
        assertEquals(0, project.build(), "once writable, the next build just works: " + project.err);
        assertEquals(List.of(".attoscope-cache", "content", "model", "site", "templates"), names(dir));
    }

    @Test
    void aReadOnlySiteFolderOrParentIsRefusedTheSameWay() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        Map<String, byte[]> before = snapshot(project.site);
        try (Immutable locked = Immutable.of(project.site)) {
            assertEquals(1, project.build());
            assertTrue(project.err.toString().contains(project.site + " is not writable"), project.err.toString());
        }
        assertSame(before, snapshot(project.site));
        Path parent = Files.createDirectories(dir.resolve("locked"));
        try (Immutable locked = Immutable.of(parent)) {
            var run = buildInto(project, parent.resolve("site"));
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.err().contains("the folder that holds the site is not writable"), run.err());
        }
        assertSame(before, snapshot(project.site));
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p));
    }

    private static java.util.Set<String> fieldNames(JsonNode node) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static final byte[] FOLDER = new byte[0];

    /** {@code attoscope build} of the project into {@code out}. */
    private static org.attoscope.testing.Cli.Run buildInto(TinyProject project, Path out) {
        return org.attoscope.testing.Cli.attoscope("build", "--content", project.content.toString(), "--templates",
                project.templates.toString(), "--out", out.toString(), "--threads", "2");
    }

    /** Every file and folder, folders with empty content, so a removed empty folder shows too. */
    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                out.put(root.relativize(p).toString(), Files.isDirectory(p) ? FOLDER : Files.readAllBytes(p));
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }
}
