package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedSiteTest {
    @TempDir
    Path dir;

    private Path oldSite() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Files.writeString(site.resolve("index.html"), "old");
        return site;
    }

    @Test
    void publishingSwapsTheNewSiteInAndLeavesNothingBehind() throws IOException {
        Path site = oldSite();
        try (StagedSite staged = StagedSite.create(site, List.of())) {
            assertEquals(dir, staged.dir().getParent());
            assertTrue(staged.dir().getFileName().toString().startsWith(".site-staging-"));
            Files.writeString(staged.dir().resolve("index.html"), "new");
            assertEquals("old", Files.readString(site.resolve("index.html")), "the old site is untouched until publish");
            staged.publish();
        }
        assertEquals("new", Files.readString(site.resolve("index.html")));
        assertEquals(List.of(), SiteFiles.siblings(site));
    }

    @Test
    void anAbandonedBuildLeavesTheOldSiteExactlyAsItWas() throws IOException {
        Path site = oldSite();
        byte[] before = Files.readAllBytes(site.resolve("index.html"));
        try (StagedSite staged = StagedSite.create(site, List.of())) {
            Files.writeString(staged.dir().resolve("index.html"), "half");
        }
        assertArrayEquals(before, Files.readAllBytes(site.resolve("index.html")));
        assertEquals(List.of(), SiteFiles.siblings(site));
    }

    @Test
    void aSiteLostBetweenTheTwoRenamesOfAKilledBuildIsPutBack() throws Exception {
        long dead = deadPid();
        Path previous = Files.createDirectories(dir.resolve(".site-previous-" + dead));
        Files.writeString(previous.resolve("index.html"), "last good");
        Files.createDirectories(dir.resolve(".site-staging-" + dead));
        Path site = dir.resolve("site");
        try (StagedSite staged = StagedSite.create(site, List.of())) {
            assertEquals("last good", Files.readString(site.resolve("index.html")));
            assertEquals(List.of(staged.dir().getFileName().toString()), SiteFiles.siblings(site));
        }
    }

    @Test
    void leftoversOfARunningBuildAreNotTouched() throws IOException {
        Path running = Files.createDirectories(dir.resolve(".site-staging-" + ProcessHandle.current().parent().orElseThrow().pid()));
        try (StagedSite staged = StagedSite.create(dir.resolve("site"), List.of())) {
            assertTrue(Files.isDirectory(running));
        }
    }

    @Test
    void aFolderThatIsNotASiteIsNeverReplaced() throws IOException {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        InputException e = assertThrows(InputException.class, () -> StagedSite.create(notes, List.of()));
        assertTrue(e.getMessage().contains("does not look like a built site"), e.getMessage());
    }

    @Test
    void theOutputMayNotHoldTheBuildsSources() {
        InputException e = assertThrows(InputException.class, () -> StagedSite.create(dir, List.of(dir.resolve("content"))));
        assertTrue(e.getMessage().contains("holds the build's own sources"), e.getMessage());
        assertFalse(Files.exists(dir.getParent().resolve("." + dir.getFileName() + "-staging-" + ProcessHandle.current().pid())));
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
