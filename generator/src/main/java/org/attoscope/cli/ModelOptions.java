package org.attoscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.content.BundleLock;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.util.JsonFiles;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --model DIR}, {@code --allow-other-model} and {@code --content DIR}, shared by every command that runs the
 * model. Whichever way the bundle is named, it goes through the same locks: its own manifest's hashes as it loads,
 * then the pins of content/site.json (or, where site.json pins nothing, the bundle site.json names).
 */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "DIR", description = "model bundle folder (default: the one content/site.json names)")
    Path model;

    @Option(names = "--allow-other-model", description = "accept a bundle other than the one content/site.json pins; every page names the bundle used")
    boolean allowOtherModel;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "content folder (default: ${DEFAULT-VALUE})")
    Path content;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    ModelBundle load() {
        boolean hasSite = Files.isRegularFile(content.resolve("site.json"));
        if (model != null && !hasSite) {
            return ModelBundle.load(model); // points and capture work on a bare bundle: there is no site to pin it
        }
        SiteConfig site = SiteConfig.load(content);
        ModelBundle bundle = ModelBundle.load(model != null ? model : site.modelDir());
        BundleLock lock = BundleLock.of(site, model != null);
        String difference = lock.difference(bundle);
        if (difference != null) {
            if (!allowOtherModel) {
                throw new InputException(site.file(), JsonFiles.lineOf(site.file(), "model"), difference,
                        (model != null ? "drop --model to use the pinned bundle, or " : "point \"model\" at the bundle this site was written for, or ")
                                + "pass --allow-other-model to use this one anyway (every page then names it), or update the pins in site.json if the change is intended.");
            }
            if (command != null) {
                command.commandLine().getErr().println("warning: --allow-other-model: " + difference
                        + " Using it; every page names model " + bundle.sha256().substring(0, 12) + ", tokenizer " + bundle.tokenizerSha256().substring(0, 12) + ".");
            }
        }
        return bundle;
    }
}
