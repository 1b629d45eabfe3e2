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

/** What a user sees when a benchmark that copies the project cannot find it. */
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
}
