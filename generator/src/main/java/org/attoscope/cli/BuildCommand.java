package org.attoscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.verify.NuHtmlChecker;
import org.attoscope.verify.SiteVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", description = "Build the whole site into --out, atomically: the old site stays until the new one is complete.")
final class BuildCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    TemplatesOption templatesOption = new TemplatesOption();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--no-verify-cache", description = "re-derive every page in the verification, even those unchanged since a clean "
            + "check (default: take those from the cache in " + SiteVerification.CACHE_FOLDER + " beside --out)")
    boolean noVerifyCache;

    @Mixin
    ThreadOptions threadOptions = new ThreadOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        int n = threadOptions.count(); // bad usage first, before any file is read
        SiteConfig config = SiteConfig.load(modelOptions.content);
        ModelBundle bundle = modelOptions.load();
        PrintWriter err = spec.commandLine().getErr();
        // The verifier runs last, on
        // the staged site, writes its report into it, and refuses the swap on any finding.
        NuHtmlChecker html = new NuHtmlChecker(n);
        if (noVerifyCache) {
            html.prepare(); // its set-up overlaps tracing and rendering
        } // with the cache, the first page it does not hold sets the checkers up: a rebuild of unchanged pages needs none
        SiteVerification verification = new SiteVerification(modelOptions.content, bundle, html, out.toString(), n);
        // A rebuild re-derives only the pages whose bytes or inputs changed: the cache's key holds the verifier's own
        // jar, so a new verifier re-checks everything.
        SiteVerifier verifier = noVerifyCache ? verification : verification.cachingBeside(out);
        SiteBuild build = new SiteBuild(new SiteBuild.Folders(modelOptions.content, templatesOption.templates, out), config, bundle,
                new ModelPageFigures(), verifier, line -> err.println("warning: " + line), n,
                SiteSections.of(modelOptions.content, bundle));
        SiteBuild.Summary s = build.reportingTo(TerminalProgress.forTerminal(err)).run();
        spec.commandLine().getOut().println(BuildReport.of(s));
        return 0;
    }
}
