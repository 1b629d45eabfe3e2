package org.attoscope.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.PageRenderer;
import org.attoscope.verify.Finding;
import org.attoscope.verify.NuHtmlChecker;
import org.attoscope.verify.SiteVerification;
import org.attoscope.verify.VerificationReport;
import org.attoscope.verify.VerificationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", description = "Re-check a built site and its captures from the files on disk: every figure cell, "
        + "the explorers' embedded points, links, network loads, HTML validity, SVG accessibility, label contrast, "
        + "capture hash locks and replays. Exit 1 on any finding.")
final class VerifyCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--site", paramLabel = "DIR", defaultValue = "site", description = "built site folder (default: ${DEFAULT-VALUE})")
    Path site;

    @Mixin
    TemplatesOption templatesOption = new TemplatesOption();

    @Mixin
    ThreadOptions threadOptions = new ThreadOptions();

    @Option(names = "--cache", description = "take a page's outcome from the verification cache beside the site when the page and "
            + "every input its check reads are unchanged since a clean check (default: re-derive every page)")
    boolean cache;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.isDirectory(site)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--site " + site + " is not a folder; build the site first or name its folder.");
        }
        int n = threadOptions.count();
        NuHtmlChecker html = new NuHtmlChecker(n);
        if (!cache) {
            html.prepare(); // its set-up overlaps loading the model and the fresh engine runs
        } // with the cache, the first page it does not hold sets the checkers up
        ModelBundle bundle = modelOptions.load();
        SiteVerification verification = new SiteVerification(modelOptions.content, bundle, html, site.toString(), n);
        if (cache) {
            verification = verification.cachingBeside(site);
        }
        PageRenderer pages = PageRenderer.of(templatesOption.templates, SiteConfig.load(modelOptions.content), bundle,
                SiteSections.of(modelOptions.content, bundle), verification.reportPage());
        VerificationResult result = verification.check(site, pages);
        PrintWriter out = spec.commandLine().getOut();
        for (Finding f : result.findings()) {
            out.println(f);
        }
        VerificationReport.Summary s = result.report().summary();
        VerificationResult.Timings t = result.timings();
        out.println(String.format(Locale.ROOT, "%s %s: %d pages, %d figures, %d cells, lowest label contrast %s, %d points, "
                        + "%d links (%d fragments), %d captures; %d finding%s in %.1f s (engine %.1f s, HTML checker %.1f s, captures %.1f s)%s",
                result.clean() ? "verified" : "FAILED", site, s.pages(), s.figures(), s.cellsChecked(),
                s.contrastMin() == null ? "n/a" : s.contrastMin() + ":1", s.points(), s.links(), s.fragments(), s.captures(),
                result.findings().size(), result.findings().size() == 1 ? "" : "s", t.totalMillis() / 1000.0,
                t.engineMillis() / 1000.0, t.htmlMillis() / 1000.0, t.captureMillis() / 1000.0,
                cache ? "; " + t.cachedPages() + " pages unchanged since a clean check, from the cache" : ""));
        return result.clean() ? 0 : 1;
    }
}
