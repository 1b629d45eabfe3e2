package org.attoscope.playground;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.content.SiteConfig;
import org.attoscope.pages.PageFigures;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.testing.TestModels;

/** A site with the playground and two of the repository's stories, built with the real model into a temporary folder. */
final class PlaygroundSite {
    /** The shortest story (the page's self-check) and one with unknown words. */
    static final List<String> STORIES = List.of("up-and-down", "the-hamster-and-the-xylophone");

    final Path site;

    PlaygroundSite(Path root) {
        Path content;
        try {
            content = Files.createDirectories(root.resolve("content"));
            Files.createDirectories(content.resolve("stories"));
            for (String slug : STORIES) {
                Files.copy(TestModels.repoRoot().resolve("content/stories/" + slug + ".md"), content.resolve("stories/" + slug + ".md"));
            }
            Files.writeString(content.resolve("site.json"), "{\"title\": \"Test site\", \"model\": {\"path\": \""
                    + TestModels.realBundleDir().toAbsolutePath() + "\"}}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        site = root.resolve("site");
        new SiteBuild(new SiteBuild.Folders(content, TestModels.repoRoot().resolve("templates"), site), SiteConfig.load(content),
                TestModels.realBundle(), PageFigures.NONE, SiteVerifier.NONE, w -> { }, 2,
                List.of(new PlaygroundSection(TestModels.realBundle()))).run();
    }

    Path page() {
        return site.resolve(PlaygroundSection.PAGE);
    }
}
