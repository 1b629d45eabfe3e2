package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.pages.PageRenderer;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteSection;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.playground.PlaygroundSection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental verification: a page whose bytes and inputs are those of a clean earlier check is taken from the
 * cache, with the same report as checking it afresh; any changed byte of the page, of a story it shows or of a
 * capture makes it checked again, so the cache never hides a finding.
 */
class VerifiedPagesTest {
    @TempDir
    static Path dir;
    static TestSite site;

    @BeforeAll
    static void buildOnce() {
        site = TestSite.build(dir, HTML);
    }

    private static VerificationResult verify(Path siteDir, Path content, Path cache) {
        return site.verification(content, HTML).cachingIn(cache, siteDir).check(siteDir, site.pages());
    }

    private static int pages(Path siteDir) {
        return BuiltSite.open(siteDir, "site").pages().size();
    }

    @Test
    void aSecondCheckOfAnUnchangedSiteTakesEveryPageFromTheCacheWithTheSameReport() throws IOException {
        Path copy = site.copyOfSite("unchanged");
        Path cache = dir.resolve("cache-unchanged");
        VerificationResult first = verify(copy, site.content, cache);
        assertEquals(List.of(), TestSite.lines(first.findings()));
        assertEquals(0, first.timings().cachedPages());

        VerificationResult second = verify(copy, site.content, cache);
        assertEquals(List.of(), TestSite.lines(second.findings()));
        assertEquals(pages(copy), second.timings().cachedPages());
        assertEquals(0, second.timings().engineMillis(), "no story ran through the forward pass");
        assertArrayEquals(ReportJson.write(first.report()), ReportJson.write(second.report()));
    }

    @Test
    void aRebuildTakesEveryPageFromTheCacheEvenWhenItsEarlyCheckRunsBeforeAFileThePageLoadsIsWritten() {
        Path out = dir.resolve("early/site");
        Path cache = dir.resolve("early/cache");
        SiteVerifier slowWriter = eachPageCheckedBeforeTheNextFileIsWritten(site.verification(site.content, HTML).cachingIn(cache, out));
        List<SiteSection> playground = List.of(new PlaygroundSection(site.bundle));
        assertEquals(0, site.build(out, playground, slowWriter).cachedPages());

        // the playground's page is written before its weights script, so its early lookup finds the entry waiting for
        // that script and the page is looked up again at the end, when its entry (which names the script's bytes) is
        // taken whole
        SiteBuild.Summary again = site.build(out, playground, slowWriter);
        assertEquals(pages(out), again.cachedPages());
    }

    /** The build's verification, with the build held back after each page so that page's early check runs first. */
    private static SiteVerifier eachPageCheckedBeforeTheNextFileIsWritten(SiteVerification verification) {
        return new SiteVerifier() {
            @Override
            public Verified verify(Path stagedSite, PageRenderer pages) {
                return verification.verify(stagedSite, pages);
            }

            @Override
            public String reportPage() {
                return verification.reportPage();
            }

            @Override
            public Run start(Path stagedSite, PageRenderer pages) {
                Run run = verification.start(stagedSite, pages);
                return new Run() {
                    @Override
                    public void written(String path) {
                        run.written(path);
                        if (BuiltSite.isPage(path)) {
                            try {
                                Thread.sleep(300);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    }

                    @Override
                    public Verified finish() {
                        return run.finish();
                    }

                    @Override
                    public void close() {
                        run.close();
                    }
                };
            }
        };
    }

    @Test
    void oneChangedByteOfAPageChecksThatPageAgainAndItsFindingIsReported() {
        Path copy = site.copyOfSite("changed-page");
        Path cache = dir.resolve("cache-changed-page");
        assertTrue(verify(copy, site.content, cache).clean());

        TestSite.edit(copy.resolve("explore/cat-and-dog/index.html"), html -> html.replaceFirst("\"weight\":0\\.990127(?=[,}])", "\"weight\":0.5"));
        VerificationResult again = verify(copy, site.content, cache);
        List<String> findings = TestSite.lines(again.findings());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/explore/cat-and-dog/index.html, embedded points of cat-and-dog: ")
                && f.contains("weight 0.5 on the page")), findings.toString());
        assertTrue(again.timings().cachedPages() < pages(copy));
    }

    @Test
    void aChangedStoryChecksEveryPageThatShowsItAgain() throws IOException {
        Path copy = site.copyOfSite("changed-story");
        Path content = site.copyOfContent("changed-story-content");
        Path cache = dir.resolve("cache-changed-story");
        assertTrue(verify(copy, content, cache).clean());

        Path story = content.resolve("stories/mat.md");
        Files.writeString(story, Files.readString(story).replace("The mat sat?", "The mat ran?"));
        List<String> findings = TestSite.lines(verify(copy, content, cache).findings());
        assertTrue(findings.stream().anyMatch(f -> f.startsWith("site/explore/mat/index.html, embedded points of mat: text")), findings.toString());
    }

    @Test
    void aChangedCaptureChecksEveryPageAgain() throws IOException {
        Path copy = site.copyOfSite("changed-capture");
        Path content = site.copyOfContent("changed-capture-content");
        Path cache = dir.resolve("cache-changed-capture");
        assertTrue(verify(copy, content, cache).clean());

        Path manifest;
        try (var files = Files.walk(content.resolve("captures"))) {
            manifest = files.filter(f -> f.getFileName().toString().endsWith(".json")).findFirst().orElseThrow();
        }
        Files.writeString(manifest, Files.readString(manifest) + "\n");
        VerificationResult again = verify(copy, content, cache);
        assertEquals(0, again.timings().cachedPages());
    }

    @Test
    void theCacheLivesBesideTheSiteNeverInsideIt() {
        Path cache = SiteVerification.cacheBeside(site.site);
        assertEquals(site.site.toAbsolutePath().normalize().getParent(), cache.getParent().getParent());
        assertFalse(cache.startsWith(site.site.toAbsolutePath().normalize()));
    }
}
