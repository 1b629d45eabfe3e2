package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.content.SiteConfig;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The old site survives a full disk and a Ctrl-C in the middle of a build, byte for byte, with nothing left beside it. */
class SafeBuildTest {
    @TempDir
    Path dir;

    @Test
    void aDiskThatFillsUpHalfwayAbortsBeforeTheSwap() throws IOException {
        TinySite tiny = new TinySite(dir.resolve("p"));
        Path out = dir.resolve("p/site");
        tiny.build(out);
        Map<String, byte[]> before = SiteFiles.snapshot(out);

        AtomicInteger written = new AtomicInteger();
        PageWriter fillsUp = (file, bytes) -> {
            if (written.incrementAndGet() > 3) {
                throw new IOException("No space left on device");
            }
            PageWriter.FILES.write(file, bytes);
        };
        SiteBuild build = new SiteBuild(new SiteBuild.Folders(tiny.content, tiny.templates, out), SiteConfig.load(tiny.content),
                tiny.bundle, PageFigures.NONE, SiteVerifier.NONE, w -> { }, 2).writingWith(fillsUp);
        InputException e = assertThrows(InputException.class, build::run);
        assertTrue(e.problem().contains("No space left on device"), e.getMessage());
        assertTrue(e.fix().contains("free disk space"), e.getMessage());

        Map<String, byte[]> after = SiteFiles.snapshot(out);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p));
        assertEquals(List.of("content", "model"), SiteFiles.siblings(out), "no staging folder is left");
    }

    @Test
    void ctrlCDuringABuildRemovesTheStagingFolderAndNeverTouchesTheSite() throws Exception {
        TinyProject project = new TinyProject(dir.resolve("p"));
        assertEquals(0, project.build(), project.err.toString());
        Map<String, byte[]> before = SiteFiles.snapshot(project.site);
        String text = "The cat sat on the mat. The dog ran! ".repeat(12);
        for (int i = 0; i < 1500; i++) {
            project.story(String.format("s%04d", i), "Story " + i, text);
        }

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.attoscope.cli.Main", "build", "--content", project.content.toString(),
                "--templates", project.templates.toString(), "--out", project.site.toString(), "--threads", "1"));
        Process build = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("build.log").toFile()).start();
        Path staging = project.root.resolve(".site-staging-" + build.pid());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isDirectory(staging.resolve("explore/s0003"))) {
            assertTrue(build.isAlive(), "the build ended before it could be interrupted: " + Files.readString(dir.resolve("build.log")));
            assertTrue(System.nanoTime() < deadline, "no staging folder appeared");
            Thread.sleep(5);
        }
        build.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C (SIGINT)
        assertTrue(build.waitFor(30, TimeUnit.SECONDS));

        assertTrue(Files.notExists(staging), "the shutdown hook removed " + staging);
        Map<String, byte[]> after = SiteFiles.snapshot(project.site);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p));
        try (Stream<Path> siblings = Files.list(project.root)) {
            assertEquals(List.of(), siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".site-")).toList());
        }
    }
}
