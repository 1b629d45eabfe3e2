package org.attoscope.verify;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.content.SiteConfig;
import org.attoscope.pages.PageRenderer;

/**
 * One verification of one site, in the order that solves the report's chicken-and-egg (see {@link SiteVerification}):
 * the pages and captures, then the report, then the report page, then every link.
 */
final class VerificationRun implements AutoCloseable {
    private final SiteVerification.Settings settings;
    private final BuiltSite site;
    private final PageRenderer renderer;
    /** A staged site is the build's, to write the report into; a published one already has its report. */
    private final boolean staged;
    private final long start = System.nanoTime();
    private final long htmlBefore;
    private final SiteConfig config;
    private final ModelRuns runs;
    private final ShippedFiles shipped;
    private final PageCheck pageCheck;
    /** The verification cache, or null when every page is checked afresh. */
    private final VerifiedPages verified;
    private final CachedPageCheck cachedCheck;
    private final PageQueue queue;

    VerificationRun(SiteVerification.Settings settings, BuiltSite site, PageRenderer renderer, boolean staged) {
        this.settings = settings;
        this.site = site;
        this.renderer = renderer;
        this.staged = staged;
        htmlBefore = settings.html().elapsedNanos();
        config = SiteConfig.load(settings.content());
        runs = new ModelRuns(settings.content(), settings.bundle(), settings.plain(), settings.replay(), site);
        // A staged site holds only what the build wrote; a published one is checked against the build's record of it.
        shipped = staged ? ShippedFiles.staged(site) : ShippedFiles.published(site);
        pageCheck = new PageCheck(site, runs.captureFigures(), runs.engineFigures(), runs.points(), settings.html(),
                AcceptedHtmlMessage.SITE, settings.bundle().tokenizer()::word, settings.bundle().tokenizer().unkId(),
                new ScriptAllowList(site, shipped, config.baseUrl()));
        verified = settings.cache() == null ? null
                : VerifiedPages.open(settings.cache(), settings.content(), settings.bundle().dir(), site, staged);
        cachedCheck = new CachedPageCheck(site, pageCheck, runs.stories(), verified);
        queue = new PageQueue(site, cachedCheck, runs.stories(), settings.threads());
    }

    /** The build will not change {@code path} again ({@link org.attoscope.pages.SiteVerifier.Run#written}). */
    void written(String path) {
        queue.written(path);
    }

    /** The rest of the verification, once every file of the site is written. */
    VerificationResult result() {
        List<Finding> findings = new ArrayList<>(shipped.findings());
        List<PageOutcome> pages = queue.outcomes();
        long engineMillis = runs.stories().millis();
        pages.forEach(p -> findings.addAll(p.findings()));
        findings.addAll(ExplorerCoverage.check(site, runs.stories().slugs(), pages));
        AssetCheck assets = AssetCheck.of(site);
        findings.addAll(assets.findings());
        ModelRuns.Captures captured = runs.checkCaptures();
        captured.outcomes().forEach(c -> findings.addAll(c.findings()));

        SiteLinks links = new SiteLinks(site, config.baseUrl());
        VerificationReport report = new ReportTally(SiteVerification.VERSION, settings.bundle().sha256())
                .report(pages, captured.outcomes(), links.beforeReport(pages), site.assets().size());
        if (staged) {
            ReportFiles.write(site, report, renderer);
        } else {
            findings.addAll(ReportFiles.compare(site, report, renderer));
        }
        List<PageOutcome> all = new ArrayList<>(pages);
        if (Files.isRegularFile(site.resolve(BuiltSite.REPORT_PAGE))) {
            PageOutcome reportPage = pageCheck.check(BuiltSite.REPORT_PAGE);
            findings.addAll(reportPage.findings());
            all.add(reportPage);
        }
        findings.addAll(links.check(all, assets.cssReferences()));
        if (verified != null && findings.isEmpty()) {
            verified.prune();
        }

        long totalMillis = (System.nanoTime() - start) / 1_000_000;
        return new VerificationResult(findings, report, new VerificationResult.Timings(totalMillis, engineMillis,
                (settings.html().elapsedNanos() - htmlBefore) / 1_000_000, captured.millis(), cachedCheck.fromCache()));
    }

    @Override
    public void close() {
        queue.close();
    }
}
