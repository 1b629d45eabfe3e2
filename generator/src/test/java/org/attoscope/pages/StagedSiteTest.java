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
        SiteMarker.scan(site).writeTo(site);
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
        SiteMarker.scan(previous).writeTo(previous);
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
        assertTrue(e.getMessage().contains("is not a site attoscope built"), e.getMessage());
        assertEquals("keep me", Files.readString(notes.resolve("todo.txt")));
    }

    @Test
    void aFileLeftByAWriteThatWasKilledIsNamedAsSuchAndKept() throws IOException {
        Path site = oldSite();
        Path half = site.resolve(".index.html.attoscope-tmp");
        Files.writeString(half, "half a pa");
        InputException e = assertThrows(InputException.class, () -> StagedSite.create(site, List.of()));
        assertTrue(e.getMessage().contains("left by an attoscope that was stopped while writing (.index.html.attoscope-tmp: "
                + "the unfinished new bytes of index.html)"), e.getMessage());
        assertTrue(e.fix().startsWith("delete it"), e.fix());
        assertEquals("half a pa", Files.readString(half), "named, never removed");

        Files.writeString(site.resolve("mine.txt"), "my notes");
        InputException mixed = assertThrows(InputException.class, () -> StagedSite.create(site, List.of()));
        assertTrue(mixed.getMessage().contains("attoscope did not write"), "a user's file among them gets the general advice: " + mixed.getMessage());
    }

    @Test
    void aWritesTemporaryFileIsKnownByItsNameAlone() {
        assertEquals("explore/cat/index.html", PageWriter.interruptedWriteOf("explore/cat/.index.html.attoscope-tmp"));
        assertEquals("weights.js", PageWriter.interruptedWriteOf(".weights.js.attoscope-tmp"));
        assertEquals(null, PageWriter.interruptedWriteOf("explore/cat/index.html"));
        assertEquals(null, PageWriter.interruptedWriteOf(".attoscope-tmp"));
        assertEquals(null, PageWriter.interruptedWriteOf("notes/.attoscope-tmp.txt"));
    }

    @Test
    void theOutputMayNotHoldTheBuildsSources() {
        InputException e = assertThrows(InputException.class, () -> StagedSite.create(dir, List.of(dir.resolve("content"))));
        assertTrue(e.getMessage().contains("holds the build's own sources"), e.getMessage());
        assertFalse(Files.exists(dir.getParent().resolve("." + dir.getFileName() + "-staging-" + ProcessHandle.current().pid())));
    }

    @Test
    void leftoversOfACrashAreRecoveredWhateverStateTheyAreIn() throws Exception {
        // two killed builds: both old sites survive under hidden names, one half deleted; the site itself is gone
        Path older = Files.createDirectories(dir.resolve(".site-previous-" + deadPid()));
        Files.writeString(older.resolve("index.html"), "older");
        Files.setLastModifiedTime(older, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Path newer = Files.createDirectories(dir.resolve(".site-previous-" + deadPid()));
        Files.writeString(newer.resolve("index.html"), "newer");
        SiteMarker.scan(newer).writeTo(newer);
        Path halfStaged = Files.createDirectories(dir.resolve(".site-staging-" + deadPid() + "/explore/x"));
        Files.writeString(halfStaged.resolve("index.html"), "half");
        Path site = dir.resolve("site");
        try (StagedSite staged = StagedSite.create(site, List.of())) {
            assertEquals("newer", Files.readString(site.resolve("index.html")), "the newest old site is put back");
            assertEquals(List.of(staged.dir().getFileName().toString()), SiteFiles.siblings(site), "the rest is removed");
        }
    }

    @Test
    void anOldSiteLeftBesideAPublishedOneIsRemovedEvenHalfDeleted() throws Exception {
        Path site = oldSite();
        Path stranded = Files.createDirectories(dir.resolve(".site-previous-" + deadPid() + "/explore"));
        Files.writeString(stranded.resolve("left.html"), "x");
        try (StagedSite staged = StagedSite.create(site, List.of())) {
            assertEquals("old", Files.readString(site.resolve("index.html")), "the published site is the one kept");
            assertEquals(List.of(staged.dir().getFileName().toString()), SiteFiles.siblings(site));
        }
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }
}
