package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyBundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {
    @TempDir
    Path dir;
    Path content;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void project() throws IOException {
        new TinyBundle().writeTo(dir.resolve("model"));
        content = Files.createDirectories(dir.resolve("content/stories")).getParent();
        Files.writeString(content.resolve("site.json"), "{\"title\": \"Tiny\", \"model\": {\"path\": \"../model\"}}");
        Files.writeString(content.resolve("stories/cat.md"), "---\ntitle: Cat\n---\nThe cat sat on a zebra.\n");
    }

    private int build() {
        return Main.run(new String[] {"build", "--content", content.toString(), "--templates",
                TestModels.repoRoot().resolve("templates").toString(), "--out", dir.resolve("site").toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aBuildReportsWhatItMadeAndWarnsAboutUnknownWords() {
        assertEquals(0, build(), err.toString());
        assertTrue(out.toString().startsWith("built 7 pages (1 story, 8 prediction points, 1 unknown word) into "), out.toString());
        assertTrue(err.toString().startsWith("warning: " + content.resolve("stories/cat.md") + ":4: \"zebra\""), err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("site/explore/cat/index.html")));
    }

    @Test
    void aRebuildSaysHowManyPagesItsVerificationTookFromTheCache() {
        assertEquals(0, build(), err.toString());
        assertFalse(out.toString().contains("verification cache"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, build(), err.toString());
        assertTrue(out.toString().strip().endsWith(" verified (7 pages unchanged since a clean check, from the verification cache)"),
                out.toString());
    }

    @Test
    void badInputExitsOneWithFileAndLineAndKeepsTheOldSite() throws IOException {
        assertEquals(0, build());
        byte[] before = Files.readAllBytes(dir.resolve("site/explore/cat/index.html"));
        Files.writeString(content.resolve("stories/dog.md"), "---\ntitle: Dog\nsummary: no such key\n---\nThe dog ran.\n");
        assertEquals(1, build());
        assertTrue(err.toString().contains("error: " + content.resolve("stories/dog.md") + ":3: unknown front matter key \"summary\"."), err.toString());
        assertTrue(err.toString().contains("Fix: "), err.toString());
        assertEquals(new String(before), Files.readString(dir.resolve("site/explore/cat/index.html")));
        assertFalse(Files.exists(dir.resolve("site/explore/dog")));
    }
}
