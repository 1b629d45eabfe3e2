package org.attoscope.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.attoscope.InputException;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.capture.CaptureReplay;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.PageRenderer;
import org.attoscope.pages.SiteBuild;
import org.attoscope.verify.audit.PlainForward;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.util.WorkerPool;

/**
 * Verifies a built site from the files on disk, and is the build's last step before it publishes.
 *
 * <p>The order solves the report's chicken-and-egg: (1) every page but the report is checked on its own (figures,
 * points, SVG, scripts, HTML validity) and every capture is checked; (2) the report is made from those results
 * and written into the staged site (or, when verifying a published site, compared byte for byte with the one on
 * disk); (3) the report page is checked like any page; (4) every link of every page, the report's included, is
 * resolved against the files as they now are. The report therefore never has to describe itself.
 *
 * <p>Everything is read again on each run (captures through their hash locks, stories through the verifier's own
 * forward pass, {@link PlainForward}); only the HTML checker and the weights are kept between runs, and, when asked
 * for ({@link #cachingIn}), the outcomes of clean pages whose bytes and inputs are unchanged ({@link VerifiedPages}).
 * During a build, pages are checked as the build writes them ({@link #start}); the order of the steps above holds. The verifier is a
 * second opinion: for what it checks it shares definitions (data: the bundle, the scales' control points) with the
 * renderer, never code; the engine is used only to replay captures bit for bit.
 */
public final class SiteVerification implements SiteVerifier {
    /** The verifier's rule set; the report names it. Raise it when what is checked changes. */
    public static final String VERSION = "attoscope verify 2";
    /** The verification cache's folder, beside the site folder ({@link #cacheBeside}). */
    public static final String CACHE_FOLDER = ".attoscope-cache/verify";

    private final Path content;
    private final ModelBundle bundle;
    private final AttoGpt engine;
    private final PlainForward plain;
    private final NuHtmlChecker html;
    private final String display;
    private final int threads;
    /** Where clean page outcomes are kept between runs ({@link VerifiedPages}), or null to re-derive every page. */
    private final Path cache;

    /**
     * @param content the content folder the site was built from (stories, captures, site.json)
     * @param bundle  the model the site was built with
     * @param html    the HTML checker, shared because it is slow to set up
     * @param display how findings name the site folder, e.g. {@code site}
     * @param threads worker threads for pages and engine runs
     */
    public SiteVerification(Path content, ModelBundle bundle, NuHtmlChecker html, String display, int threads) {
        this.content = content;
        this.bundle = bundle;
        this.engine = new AttoGpt(bundle);
        this.plain = new PlainForward(bundle);
        this.html = html;
        this.display = display;
        this.threads = Math.max(1, threads);
        this.cache = null;
    }

    private SiteVerification(SiteVerification v, Path cache) {
        this.content = v.content;
        this.bundle = v.bundle;
        this.engine = v.engine;
        this.plain = v.plain;
        this.html = v.html;
        this.display = v.display;
        this.threads = v.threads;
        this.cache = cache;
    }

    /**
     * The same verification, taking the outcome of a page from {@code dir} when the page's bytes and every input its
     * check reads are those of a clean earlier check ({@link VerifiedPages}), and keeping each new clean outcome
     * there.
     */
    public SiteVerification cachingIn(Path dir) {
        return new SiteVerification(this, dir);
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
        try (Session session = new Session(BuiltSite.open(site, display), pages, false)) {
            return session.result();
        }
    }

    /** Checks a staged site, writes its report into it, then checks the report too. */
    public VerificationResult checkAndWriteReport(Path staged, PageRenderer pages) {
        try (Session session = new Session(BuiltSite.open(staged, display), pages, true)) {
            return session.result();
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
        Session session = new Session(BuiltSite.open(stagedSite, display), pages, true);
        return new Run() {
            @Override
            public void written(String path) {
                session.written(path);
            }

            @Override
            public Verified finish() {
                VerificationResult result = session.result();
                if (!result.clean()) {
                    throw failure(Path.of(display), result.findings());
                }
                return new Verified(result.report().summary().figures(), result.report().summary().cellsChecked());
            }

            @Override
            public void close() {
                session.close();
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

    /** How many finished runs the early start keeps for asks counted after their story's pages were checked. */
    private static final int SPARE_RUNS = 16;

    /**
     * One verification of one site: what the page checks share, the pages already being checked (the build's early
     * start), and the rest of the check.
     */
    private final class Session implements AutoCloseable {
        private final BuiltSite site;
        private final PageRenderer renderer;
        private final boolean writeReport;
        private final long start = System.nanoTime();
        private final long htmlBefore = html.elapsedNanos();
        private final SiteConfig config;
        private final CaptureLibrary captures;
        private final AuditedStories stories;
        private final ShippedFiles shipped;
        private final PageCheck pageCheck;
        private final WorkerPool pool;
        private final VerifiedPages verified;
        private final java.util.concurrent.atomic.AtomicInteger cached = new java.util.concurrent.atomic.AtomicInteger();
        /** Pages checked (or being checked) as they were written; guarded by {@code this}. */
        private final Map<String, Supplier<PageOutcome>> early = new HashMap<>();

        Session(BuiltSite site, PageRenderer renderer, boolean writeReport) {
            this.site = site;
            this.renderer = renderer;
            this.writeReport = writeReport;
            config = SiteConfig.load(content);
            captures = new CaptureLibrary(content.resolve("captures"));
            stories = new AuditedStories(content, bundle, plain, site, SiteBuild.TOP_N);
            // A staged site holds only what the build wrote; a published one is checked against the build's record of it.
            shipped = writeReport ? ShippedFiles.staged(site) : ShippedFiles.published(site);
            pageCheck = new PageCheck(site, new CaptureFigureCheck(captures), new EngineFigureCheck(stories),
                    new PointsCheck(stories), html, AcceptedHtmlMessage.SITE,
                    bundle.tokenizer()::word, bundle.tokenizer().unkId(), new ScriptAllowList(site, shipped, config.baseUrl()));
            pool = new WorkerPool("attoscope-verify", threads);
            verified = cache == null ? null : VerifiedPages.open(cache, content, bundle.dir(), site, writeReport);
        }

        /** One page's outcome: from the cache when its bytes and inputs are those of a clean earlier check. */
        private PageOutcome check(String path) {
            if (verified == null) {
                return pageCheck.check(path);
            }
            String key = verified.key(path, site.read(path));
            PageOutcome kept = verified.find(key);
            if (kept != null) {
                Map<String, Integer> asks = new HashMap<>();
                StoryUses.count(new String(site.read(path), StandardCharsets.UTF_8), asks);
                asks.forEach((slug, n) -> {
                    for (int i = 0; i < n; i++) {
                        stories.skip(slug);
                    }
                });
                cached.incrementAndGet();
                return kept;
            }
            List<String> asked = new ArrayList<>();
            PageOutcome outcome = stories.recording(asked, () -> pageCheck.check(path));
            verified.keep(key, outcome, asked);
            return outcome;
        }

        /** A page of the report is final: count the runs it will ask for, and check it now. */
        synchronized void written(String path) {
            if (!BuiltSite.isPage(path) || early.containsKey(path)) {
                return;
            }
            stories.keepSpares(SPARE_RUNS);
            Map<String, Integer> asks = new HashMap<>();
            StoryUses.count(new String(site.read(path), StandardCharsets.UTF_8), asks);
            stories.expectMore(asks);
            early.put(path, pool.submit(() -> check(path)));
        }

        VerificationResult result() {
            List<Finding> findings = new ArrayList<>(shipped.findings());
            List<String> paths = site.pages();
            Map<String, Supplier<PageOutcome>> checking;
            synchronized (this) {
                checking = new HashMap<>(early);
            }
            List<String> rest = paths.stream().filter(p -> !checking.containsKey(p)).toList();
            stories.expectMore(StoryUses.of(site, rest));
            Map<String, PageOutcome> outcomes = new HashMap<>();
            List<PageOutcome> late = pool.all(rest.stream().map(path -> (Callable<PageOutcome>) () -> check(path)).toList());
            late.forEach(p -> outcomes.put(p.path(), p));
            // in the site's order, whichever finished first, so the report and findings are the same every run
            List<PageOutcome> pages = new ArrayList<>();
            for (String path : paths) {
                PageOutcome p = outcomes.containsKey(path) ? outcomes.get(path) : checking.get(path).get();
                if (checking.containsKey(path) && !p.findings().isEmpty()) {
                    // Checked while the build was still writing: what it lacked may have been written since (a
                    // section's script after its page, an explorer after a page citing its story). A file written
                    // later can only clear a finding, never make one, so only these are checked again.
                    p = check(path);
                }
                pages.add(p);
            }
            long engineMillis = stories.millis();
            pages.forEach(p -> findings.addAll(p.findings()));
            findings.addAll(explorerPages(site, stories.slugs(), pages));
            List<Reference> assetReferences = new ArrayList<>();
            findings.addAll(assets(site, assetReferences));
            long captureStart = System.nanoTime();
            List<CaptureChecks.Outcome> captured = new CaptureChecks(captures, new CaptureReplay(engine), bundle).run();
            long captureMillis = (System.nanoTime() - captureStart) / 1_000_000;
            captured.forEach(c -> findings.addAll(c.findings()));

            Map<String, Set<String>> anchors = new HashMap<>();
            pages.forEach(p -> anchors.put(p.path(), p.anchors()));
            LinkCheck counting = new LinkCheck(site, anchors, config.baseUrl(), Set.copyOf(ReportPage.files()));
            VerificationReport report = report(pages, captured, counting, site.assets().size());
            findings.addAll(writeOrCompare(site, report, renderer, writeReport));

            List<PageOutcome> all = new ArrayList<>(pages);
            if (Files.isRegularFile(site.resolve(BuiltSite.REPORT_PAGE))) {
                PageOutcome reportPage = pageCheck.check(BuiltSite.REPORT_PAGE);
                findings.addAll(reportPage.findings());
                anchors.put(reportPage.path(), reportPage.anchors());
                all.add(reportPage);
            }
            LinkCheck links = new LinkCheck(site, anchors, config.baseUrl(), Set.of());
            for (PageOutcome p : all) {
                findings.addAll(links.check(site.name(p.path()), p.references()).findings());
            }
            findings.addAll(links.check(site.display() + " style sheets", assetReferences).findings());

            long totalMillis = (System.nanoTime() - start) / 1_000_000;
            return new VerificationResult(findings, report, new VerificationResult.Timings(totalMillis, engineMillis,
                    (html.elapsedNanos() - htmlBefore) / 1_000_000, captureMillis, cached.get()));
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    /** Every story has its explorer page, and every explorer folder belongs to a story. */
    private static List<Finding> explorerPages(BuiltSite site, Set<String> stories, List<PageOutcome> pages) {
        List<Finding> out = new ArrayList<>();
        Map<String, PageOutcome> byPath = new HashMap<>();
        pages.forEach(p -> byPath.put(p.path(), p));
        for (String slug : stories) {
            String path = Addresses.explorer(slug);
            if (!byPath.containsKey(path)) {
                out.add(Finding.of(site.name(path), "missing: story " + slug + " has no explorer page"));
            }
        }
        for (PageOutcome p : pages) {
            String slug = Addresses.explorerSlug(p.path()).orElse(null);
            if (slug != null && !stories.contains(slug)) {
                out.add(Finding.of(site.name(p.path()), "an explorer page for story " + slug + ", which the content folder does not have"));
            }
        }
        return out;
    }

    private static List<Finding> assets(BuiltSite site, List<Reference> cssReferences) {
        List<Finding> out = new ArrayList<>();
        for (String path : site.assets()) {
            String text = new String(site.read(path), StandardCharsets.UTF_8);
            if (path.endsWith(".js")) {
                out.addAll(ScriptCheck.check(site.name(path), "script", text));
            } else {
                cssReferences.addAll(PageReferences.inCss(path, "url() in style sheet " + path, text));
            }
        }
        return out;
    }

    private VerificationReport report(List<PageOutcome> pages, List<CaptureChecks.Outcome> captured, LinkCheck counting, int assets) {
        List<VerificationReport.PageReport> pageReports = new ArrayList<>();
        Map<String, Integer> accepted = new LinkedHashMap<>();
        int figures = 0;
        int cells = 0;
        Double contrastMin = null;
        int links = 0;
        int fragments = 0;
        int external = 0;
        int points = 0;
        for (PageOutcome p : pages) {
            LinkCheck.Tally tally = counting.check(p.path(), p.references());
            VerificationReport.Links pageLinks = new VerificationReport.Links(tally.internal(), tally.fragments(), tally.external());
            p.accepted().forEach((m, n) -> accepted.merge(m, n, Integer::sum));
            pageReports.add(new VerificationReport.PageReport(p.path(), p.title(), pageLinks,
                    p.accepted().values().stream().mapToInt(Integer::intValue).sum(), p.points(), p.figures()));
            for (FigureReport f : p.figures()) {
                figures++;
                cells += f.cellsChecked();
                if (f.contrastMin() != null && (contrastMin == null || f.contrastMin() < contrastMin)) {
                    contrastMin = f.contrastMin();
                }
            }
            links += tally.internal();
            fragments += tally.fragments();
            external += tally.external().size();
            points += p.points() == null ? 0 : p.points().points();
        }
        List<VerificationReport.AcceptedUse> acceptedUses = AcceptedHtmlMessage.SITE.stream()
                .map(a -> new VerificationReport.AcceptedUse(a.message(), a.reason(), accepted.getOrDefault(a.message(), 0))).toList();
        VerificationReport.Summary summary = new VerificationReport.Summary(pages.size(), figures, cells, contrastMin, links,
                fragments, external, points, captured.size(), assets);
        return new VerificationReport(VERSION, "Nu Html Checker " + NuHtmlChecker.VERSION, bundle.sha256(), summary,
                VerificationReport.verifierMethods(),
                acceptedUses, captured.stream().map(CaptureChecks.Outcome::report).toList(), pageReports);
    }

    /** Writes the report into a staged site, or checks that a published site's report is this one. */
    private static List<Finding> writeOrCompare(BuiltSite site, VerificationReport report, PageRenderer renderer, boolean write) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BuiltSite.REPORT_JSON, ReportJson.write(report));
        files.put(BuiltSite.REPORT_PAGE, ReportPage.write(report, renderer));
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = site.resolve(f.getKey());
            try {
                if (write) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, f.getValue());
                } else if (!Files.isRegularFile(file)) {
                    out.add(Finding.of(site.name(f.getKey()), "missing: the site has no verification report; build it with `attoscope build`"));
                } else {
                    String difference = ReportDifference.first(Files.readAllBytes(file), f.getValue());
                    if (difference != null) {
                        out.add(Finding.of(site.name(f.getKey()), "the report does not describe this site as it is now: " + difference));
                    }
                }
            } catch (IOException e) {
                throw new InputException(file, "cannot " + (write ? "write" : "read") + " the verification report: " + e.getMessage() + ".",
                        "check the site folder's permissions.");
            }
        }
        return out;
    }
}
