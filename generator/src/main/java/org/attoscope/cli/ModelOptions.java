package org.attoscope.cli;

import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import picocli.CommandLine.Option;

/** {@code --model DIR} and {@code --content DIR}, shared by every command that runs the model. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "DIR", description = "model bundle folder (default: the one content/site.json names)")
    Path model;

    @Option(names = "--content", paramLabel = "DIR", defaultValue = "content", description = "content folder (default: ${DEFAULT-VALUE})")
    Path content;

    ModelBundle load() {
        if (model != null) {
            return ModelBundle.load(model);
        }
        SiteConfig site = SiteConfig.load(content);
        ModelBundle bundle = ModelBundle.load(site.modelDir());
        if (site.modelSha256() != null && !site.modelSha256().equalsIgnoreCase(bundle.sha256())) {
            throw new InputException(site.file(), "the model at " + site.modelDir() + " has sha256 " + bundle.sha256()
                    + " but site.json expects " + site.modelSha256() + ".",
                    "point \"model\" at the bundle this site was written for, or update its sha256 if the change is intended.");
        }
        return bundle;
    }
}
