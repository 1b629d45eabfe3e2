package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when a benchmark is asked for something it cannot measure. */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void aSiteBenchmarkRunOutsideTheProjectNamesTheMissingFolderAndHowToPointAtIt() {
        TinyProject project = new TinyProject(dir.resolve("p"));
        Path nowhere = dir.resolve("elsewhere/templates");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "--case", "site-scale", "--corpus", "1", "--content", project.content.toString(),
                "--templates", nowhere.toString(), "--allow-other-model", "--model", project.model.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(1, exit, err.toString());
        assertEquals("error: " + nowhere + ": the templates folder does not exist. Fix: run the benchmark from the project's root, "
                + "or pass --templates with the folder holding the site's .html templates.", err.toString().strip());
        assertTrue(Files.notExists(nowhere));
    }

    @Test
    void aBenchmarkOfNoStoriesIsRefusedBeforeItStarts() {
        TinyProject project = new TinyProject(dir.resolve("p"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(new String[] {"bench", "--case", "explain", "--corpus", "0", "--allow-other-model", "--model", project.model.toString()},
                new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().startsWith("--corpus must be at least 1, not 0."), err.toString());
        assertEquals("", out.toString(), "nothing was measured");
    }
}
