package org.attoscope.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.content.SiteConfig;
import org.attoscope.testing.TestModels;
import org.attoscope.util.Json;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A few of the repository's curated stories built with the real model into a temporary folder. */
final class RealSite {
    /** A short story, the story longer than the window, and the one with unknown words. */
    static final List<String> STORIES = List.of("lily-and-the-ball", "a-star-named-sue", "the-hamster-and-the-xylophone");

    final Path content;
    final Path site;

    RealSite(Path root) {
        try {
            content = Files.createDirectories(root.resolve("content"));
            Files.createDirectories(content.resolve("stories"));
            Path repoContent = TestModels.repoRoot().resolve("content");
            for (String slug : STORIES) {
                Files.copy(repoContent.resolve("stories/" + slug + ".md"), content.resolve("stories/" + slug + ".md"));
            }
            Files.writeString(content.resolve("site.json"), "{\"title\": \"Test site\", \"model\": {\"path\": \""
                    + TestModels.realBundleDir().toAbsolutePath() + "\"}}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        site = root.resolve("site");
        new SiteBuild(new SiteBuild.Folders(content, TestModels.repoRoot().resolve("templates"), site), SiteConfig.load(content),
                TestModels.realBundle(), new ModelPageFigures(), SiteVerifier.NONE, w -> { }, 2).run();
    }

    Path explorer(String slug) {
        return site.resolve("explore/" + slug + "/index.html");
    }

    Document page(String relative) {
        try {
            return Jsoup.parse(Files.readString(site.resolve(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The FORMATS.md section 3 object an explorer page embeds. */
    JsonNode embedded(String slug) {
        Document doc = page("explore/" + slug + "/index.html");
        try {
            return Json.mapper().readTree(doc.getElementById("attoscope-points").data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
