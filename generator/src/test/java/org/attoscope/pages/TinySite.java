package org.attoscope.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.ModelBundle;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyBundle;

/**
 * A content folder with a few stories over the tiny test model (context 8, so stories slide), built with the
 * repository's real templates.
 */
final class TinySite {
    final Path root;
    final Path content;
    final Path templates = TestModels.repoRoot().resolve("templates");
    final ModelBundle bundle;
    final List<String> warnings = new ArrayList<>();

    TinySite(Path root) {
        this.root = root;
        this.content = root.resolve("content");
        try {
            Path model = new TinyBundle().writeTo(root.resolve("model"));
            this.bundle = ModelBundle.load(model);
            Files.createDirectories(content.resolve("stories"));
            Files.writeString(content.resolve("site.json"), "{\"title\": \"Tiny site\", \"model\": {\"path\": \"../model\"}}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        story("cat-and-dog", "The cat and the dog", "A note.", "The cat sat on the mat. A dog ran!\n\nThe dog sat on a zebra, \"the cat\" ran.");
        story("mat", "The mat", null, "The mat sat?");
    }

    TinySite story(String slug, String title, String note, String text) {
        String meta = "---\ntitle: " + title + "\n" + (note != null ? "note: " + note + "\n" : "") + "---\n";
        return file(slug + ".md", meta + text + "\n");
    }

    TinySite file(String name, String content) {
        try {
            Files.writeString(this.content.resolve("stories").resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code content/lessons/NAME.md}: front matter with {@code title} and a summary, then {@code body}. */
    TinySite lesson(String name, String title, String body) {
        try {
            Path lessons = Files.createDirectories(content.resolve("lessons"));
            Files.writeString(lessons.resolve(name + ".md"), "---\ntitle: " + title + "\nsummary: A lesson.\n---\n" + body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The whole site, unverified, with the given sections (the lessons) besides the stories. */
    SiteBuild.Summary build(Path out, List<SiteSection> sections) {
        return new SiteBuild(new SiteBuild.Folders(content, templates, out), SiteConfig.load(content), bundle, PageFigures.NONE,
                SiteVerifier.NONE, warnings::add, 2, sections).run();
    }

    SiteBuild.Summary build(Path out) {
        return build(out, SiteVerifier.NONE);
    }

    SiteBuild.Summary build(Path out, SiteVerifier verifier) {
        return build(out, verifier, templates);
    }

    SiteBuild.Summary build(Path out, SiteVerifier verifier, Path templatesDir) {
        SiteConfig config = SiteConfig.load(content);
        return new SiteBuild(new SiteBuild.Folders(content, templatesDir, out), config, bundle, PageFigures.NONE, verifier,
                warnings::add, 2).run();
    }
}
