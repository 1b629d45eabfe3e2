package org.attoscope.cli;

import static org.attoscope.testing.Cli.attoscope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.util.Folders;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoscope.testing.Cli.Run;
import org.attoscope.testing.TestModels;
import org.attoscope.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default site (the repository's content and templates, the real model) through the command line: build
 * verifies it before publishing, {@code verify} passes it with exit 0, fails a tampered copy with exit 1 and the
 * finding, and refuses bad usage with exit 2.
 */
class VerifyCommandTest {
    @TempDir
    static Path dir;
    static Path site;


    static String[] withSources(String... args) {
        Path root = TestModels.repoRoot();
        String[] common = {"--content", root.resolve("content").toString(), "--templates", root.resolve("templates").toString(),
            "--model", TestModels.realBundleDir().toString()};
        String[] all = new String[args.length + common.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(common, 0, all, args.length, common.length);
        return all;
    }

    @BeforeAll
    static void buildTheDefaultSite() {
        site = dir.resolve("site");
        Run build = attoscope(withSources("build", "--out", site.toString()));
        assertEquals(0, build.exit(), build.err());
    }

    @Test
    void theDefaultSiteVerifiesCleanAndCarriesItsReport() throws IOException {
        Run run = attoscope(withSources("verify", "--site", site.toString()));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("verified " + site + ": "), run.out());
        JsonNode report = Json.mapper().readTree(site.resolve("verification/report.json").toFile());
        List<String> pages;
        try (Stream<Path> s = Files.walk(site)) {
            pages = s.map(p -> site.relativize(p).toString()).filter(p -> p.endsWith(".html") && !p.startsWith("verification/")).sorted().toList();
        }
        List<String> listed = new ArrayList<>();
        report.get("pages").forEach(p -> listed.add(p.get("path").asText()));
        assertEquals(pages, listed, "every page but the report itself, in path order");
        assertTrue(report.get("summary").get("cells_checked").asInt() > 0, "the lessons' figures are checked cell by cell");
        assertEquals(TestModels.realBundle().sha256(), report.get("model_sha256").asText());
        report.get("captures").forEach(c -> assertEquals("identical", c.get("replay").asText(), c.toString()));
    }

    @Test
    void aTamperedExplorerWeightFailsWithExitOneAndTheFinding() throws IOException {
        Path copy = Folders.copy(site, dir.resolve("tampered"));
        Path page = copy.resolve("explore/lily-and-the-ball/index.html");
        String html = Files.readString(page);
        Matcher weight = Pattern.compile("\"weight\":(0\\.\\d+)").matcher(html);
        assertTrue(weight.find());
        Files.writeString(page, html.substring(0, weight.start(1)) + "0.25" + html.substring(weight.end(1)));
        Run run = attoscope(withSources("verify", "--site", copy.toString()));
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains(copy + "/explore/lily-and-the-ball/index.html, embedded points of lily-and-the-ball: points["), run.out());
        // the verifier's own forward pass agrees with the engine's weight within float tolerance, never bit for bit
        Matcher finding = Pattern.compile("\\]: weight 0\\.25 on the page, (0\\.\\d+) from an independent forward pass").matcher(run.out());
        assertTrue(finding.find(), run.out());
        assertEquals(Double.parseDouble(weight.group(1)), Double.parseDouble(finding.group(1)), 1e-5);
        assertTrue(run.out().contains("FAILED " + copy + ": "), run.out());
    }

    @Test
    void badUsageExitsTwo() {
        assertEquals(2, attoscope(withSources("verify", "--site", dir.resolve("no-such-site").toString())).exit());
        assertEquals(2, attoscope("verify", "--no-such-option").exit());
    }
}
