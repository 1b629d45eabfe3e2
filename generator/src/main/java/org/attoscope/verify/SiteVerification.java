package org.attoscope.verify;

import java.nio.file.Path;
import java.util.List;
import org.attoscope.InputException;
import org.attoscope.capture.CaptureReplay;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.PageRenderer;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.verify.audit.PlainForward;

/**
 * Verifies a built site from the files on disk, and is the build's last step before it publishes.
 *
 * <p>The order solves the report's chicken-and-egg: (1) every page but the report is checked on its own (figures,
 * points, SVG, scripts, HTML validity) and every capture is checked; (2) the report is made from those results
 * and written into the staged site (or, when verifying a published site, compared byte for byte with the one on
 * disk); (3) the report page is checked like any page; (4) every link of every page, the report's included, is
 * resolved against the files as they now are. The report therefore never has to describe itself. Each verification
 * is one {@link VerificationRun}.
 *
 * <p>Everything is read again on each run (captures through their hash locks, stories through the verifier's own
 * forward pass, {@link PlainForward}); only the HTML checker and the weights are kept between runs, and, when asked
 * for ({@link #cachingBeside}), the outcomes of clean pages whose bytes and inputs are unchanged ({@link VerifiedPages}).
 * During a build, pages are checked as the build writes them ({@link #start}); the order of the steps above holds. The verifier is a
 * second opinion: for what it checks it shares definitions (data: the bundle, the scales' control points) with the
 * renderer, never code; the engine is used only to replay captures bit for bit.
 */
public final class SiteVerification implements SiteVerifier {
    /** The verifier's rule set; the report names it. Raise it when what is checked changes. */
    public static final String VERSION = "attoscope verify 2";
    /** The verification cache's folder, beside the site folder ({@link #cacheBeside}). */
    public static final String CACHE_FOLDER = ".attoscope-cache/verify";

    /**
     * What every run of this verification shares.
     *
     * @param replay  re-runs captures with the engine: the one place the verifier runs it
     * @param threads worker threads for pages and engine runs, at least one
     * @param cache   where clean page outcomes are kept between runs ({@link VerifiedPages}), or null to re-derive every page
     */
    record Settings(Path content, ModelBundle bundle, PlainForward plain, CaptureReplay replay, NuHtmlChecker html,
                    String display, int threads, VerifiedPages.Location cache) {
        Settings withCache(VerifiedPages.Location location) {
            return new Settings(content, bundle, plain, replay, html, display, threads, location);
        }
    }

    private final Settings settings;

    /**
     * @param content the content folder the site was built from (stories, captures, site.json)
     * @param bundle  the model the site was built with
     * @param html    the HTML checker, shared because it is slow to set up
     * @param display how findings name the site folder, e.g. {@code site}
     * @param threads worker threads for pages and engine runs
     */
    public SiteVerification(Path content, ModelBundle bundle, NuHtmlChecker html, String display, int threads) {
        this(new Settings(content, bundle, new PlainForward(bundle), new CaptureReplay(new AttoGpt(bundle)), html, display,
                Math.max(1, threads), null));
    }

    private SiteVerification(Settings settings) {
        this.settings = settings;
    }

    /**
     * The same verification, taking the outcome of a page from the verification cache beside {@code site}
     * ({@link #cacheBeside}) when the page's bytes and every input its check reads are those of a clean earlier check
     * ({@link VerifiedPages}), keeping each new clean outcome there, and, after a clean run, removing the entries for
     * {@code site} that no page of it uses any more.
     *
     * @param site the site folder as published (for a build, its {@code --out}, not the staging folder)
     */
    public SiteVerification cachingBeside(Path site) {
        return cachingIn(cacheBeside(site), site);
    }

    /** As {@link #cachingBeside}, with the cache in {@code dir}. */
    SiteVerification cachingIn(Path dir, Path site) {
        return new SiteVerification(settings.withCache(new VerifiedPages.Location(dir, site)));
    }

    /** The verification cache's folder for a site folder: beside it, never inside (the build replaces the site whole). */
    public static Path cacheBeside(Path site) {
        Path parent = site.toAbsolutePath().normalize().getParent();
        return (parent == null ? site.toAbsolutePath() : parent).resolve(CACHE_FOLDER);
    }

    /**
     * Checks a built site as it is; writes nothing. Its report on disk must be the one this run produces.
     *
     * @param pages the site's templates, which the report page is rendered with
     */
    public VerificationResult check(Path site, PageRenderer pages) {
        try (VerificationRun run = new VerificationRun(settings, BuiltSite.open(site, settings.display()), pages, false)) {
            return run.result();
        }
    }

    /** Checks a staged site, writes its report into it, then checks the report too. */
    public VerificationResult checkAndWriteReport(Path staged, PageRenderer pages) {
        try (VerificationRun run = new VerificationRun(settings, BuiltSite.open(staged, settings.display()), pages, true)) {
            return run.result();
        }
    }

    /** The build's hook: fails on any finding, so the staged site is never published. */
    @Override
    public Verified verify(Path stagedSite, PageRenderer pages) {
        try (Run run = start(stagedSite, pages)) {
            return run.finish();
        }
    }

    /**
     * The build's early start: each page named {@link Run#written} is checked at once on the verifier's threads,
     * while the build renders the others; {@link Run#finish} checks the pages not named (and the report), then the
     * captures and links, and fails on any finding.
     */
    @Override
    public Run start(Path stagedSite, PageRenderer pages) {
        VerificationRun run = new VerificationRun(settings, BuiltSite.open(stagedSite, settings.display()), pages, true);
        return new Run() {
            @Override
            public void written(String path) {
                run.written(path);
            }

            @Override
            public Verified finish() {
                VerificationResult result = run.result();
                if (!result.clean()) {
                    throw failure(Path.of(settings.display()), result.findings());
                }
                return new Verified(result.report().summary().figures(), result.report().summary().cellsChecked(),
                        result.timings().cachedPages());
            }

            @Override
            public void close() {
                run.close();
            }
        };
    }

    @Override
    public String reportPage() {
        return BuiltSite.REPORT_PAGE;
    }

    /** One error naming every finding (the first 50), for the build and the command line. */
    public static InputException failure(Path site, List<Finding> findings) {
        StringBuilder sb = new StringBuilder("the site fails verification with " + findings.size()
                + (findings.size() == 1 ? " finding:" : " findings:"));
        findings.stream().limit(50).forEach(f -> sb.append("\n  ").append(f));
        if (findings.size() > 50) {
            sb.append("\n  ... and ").append(findings.size() - 50).append(" more");
        }
        return new InputException(site, sb.toString(),
                "fix what each finding names (a template, a capture, a story, the engine); a build leaves the previous site in place until it verifies.");
    }
}
