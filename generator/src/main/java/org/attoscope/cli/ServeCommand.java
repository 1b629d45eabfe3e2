package org.attoscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.LiveSite;
import org.attoscope.pages.ModelPageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.serve.ServeSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import org.attoscope.pages.StagedSite;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Build, serve on 127.0.0.1, rebuild what an edit changes, and reload the open page.")
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Mixin
    TemplatesOption templatesOption = new TemplatesOption();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "site", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--port", defaultValue = "8000", description = "port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Mixin
    ThreadOptions threadOptions = new ThreadOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        int n = threadOptions.count(); // bad usage first, before any file is read
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port " + port + " is not a TCP port; pass one from 1 to 65535, or 0 for any free one.");
        }
        // Every check that can refuse the run comes before anything is built or written: usage, the output folder, the port.
        StagedSite.requireReplaceable(out, List.of(modelOptions.content, templatesOption.templates));
        SiteConfig config = SiteConfig.load(modelOptions.content);
        ModelBundle bundle = modelOptions.load();
        PrintWriter err = spec.commandLine().getErr();
        LiveSite site = new LiveSite(new SiteBuild.Folders(modelOptions.content, templatesOption.templates, out), config, bundle,
                new ModelPageFigures(), SiteVerifier.NONE, line -> err.println("warning: " + line), n,
                SiteSections.live(bundle));
        try (ServeSession session = new ServeSession(site, List.of(modelOptions.content, templatesOption.templates), spec.commandLine().getOut(), err)) {
            session.start(port);
            session.awaitClose();
        }
        return 0;
    }
}
