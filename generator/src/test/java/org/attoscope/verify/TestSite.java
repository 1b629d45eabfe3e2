package org.attoscope.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.util.Folders;
import java.util.List;
import java.util.function.UnaryOperator;
import org.attoscope.capture.CaptureRecorder;
import org.attoscope.capture.CaptureWriter;
import org.attoscope.content.SiteConfig;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.SiteBuild;
import org.attoscope.pages.PageRenderer;
import org.attoscope.pages.SiteSection;
import org.attoscope.pages.SiteVerifier;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyBundle;

/**
 * A small site over the tiny test model, built once with every kind of figure (see {@link FiguresForTests}) and the
 * repository's real templates, plus helpers to make tampered copies of it.
 */
final class TestSite {
    final Path root;
    final Path content;
    final Path site;
    final ModelBundle bundle;
    final Path templates = TestModels.repoRoot().resolve("templates");

    private TestSite(Path root, Path content, Path site, ModelBundle bundle) {
        this.root = root;
        this.content = content;
        this.site = site;
        this.bundle = bundle;
    }

    /** Writes the model, stories and a capture under {@code root}, and builds {@code root/site} with the verifier. */
    static TestSite build(Path root, NuHtmlChecker html) {
        try {
            ModelBundle bundle = ModelBundle.load(new TinyBundle().writeTo(root.resolve("model")));
            Path content = root.resolve("content");
            Files.createDirectories(content.resolve("stories"));
            Files.writeString(content.resolve("site.json"),
                    "{\"title\": \"Tiny site\", \"base_url\": \"https://tiny.example/site/\", \"model\": {\"path\": \"../model\"}}\n");
            story(content, "cat-and-dog", "The cat and the dog", "The cat sat on the mat. A dog ran!\n\nThe dog sat on the mat, the cat ran.");
            story(content, "mat", "The mat", "The mat sat?");
            CaptureWriter.write(content.resolve("captures"), FiguresForTests.CAPTURE, new CaptureRecorder(new AttoGpt(bundle)).record("the cat sat on", 2));
            TestSite s = new TestSite(root, content, root.resolve("site"), bundle);
            s.build(s.site, s.templates, s.verification(content, html));
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SiteVerification verification(Path contentDir, NuHtmlChecker html) {
        return new SiteVerification(contentDir, bundle, html, "site", 2);
    }

    /** The site's templates, as {@code attoscope verify} renders the report with them. */
    PageRenderer pages() {
        return PageRenderer.of(templates, SiteConfig.load(content), bundle, List.of(), BuiltSite.REPORT_PAGE);
    }

    SiteBuild.Summary build(Path out, Path templatesDir, SiteVerifier verifier) {
        return build(content, out, templatesDir, verifier);
    }

    /** Builds from another content folder (a copy of this site's, edited), with this site's model. */
    SiteBuild.Summary build(Path contentDir, Path out, Path templatesDir, SiteVerifier verifier) {
        return new SiteBuild(new SiteBuild.Folders(contentDir, templatesDir, out), SiteConfig.load(contentDir), bundle,
                new FiguresForTests(contentDir.resolve("captures")), verifier, w -> { }, 2).run();
    }

    /** Builds this site with further sections (the playground, say) into {@code out}. */
    SiteBuild.Summary build(Path out, List<SiteSection> sections, SiteVerifier verifier) {
        return new SiteBuild(new SiteBuild.Folders(content, templates, out), SiteConfig.load(content), bundle,
                new FiguresForTests(content.resolve("captures")), verifier, w -> { }, 2, sections).run();
    }

    /** A build of {@code contentDir} with {@code templatesDir} into {@code out}, verified with the cache in {@code cache}. */
    void buildCached(Path contentDir, Path out, Path cache, Path templatesDir) {
        build(contentDir, out, templatesDir, verification(contentDir, SharedChecker.HTML).cachingIn(cache, out));
    }

    /** {@code attoscope verify --cache} of a site published from {@code contentDir}. */
    VerificationResult verifyCached(Path contentDir, Path published, Path cache) {
        return verification(contentDir, SharedChecker.HTML).cachingIn(cache, published).check(published, pages());
    }

    /** A fresh copy of the built site (or of the content), to tamper with. */
    Path copyOfSite(String name) {
        return Folders.copy(site, root.resolve(name));
    }

    Path copyOfContent(String name) {
        return Folders.copy(content, root.resolve(name));
    }

    /** Rewrites one file's text; fails the test if the edit changed nothing. */
    static void edit(Path file, UnaryOperator<String> change) {
        try {
            String before = Files.readString(file, StandardCharsets.UTF_8);
            String after = change.apply(before);
            assertTrue(!after.equals(before), "the edit of " + file + " changed nothing");
            Files.writeString(file, after, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).toList();
    }

    private static void story(Path content, String slug, String title, String text) throws IOException {
        Files.writeString(content.resolve("stories").resolve(slug + ".md"), "---\ntitle: " + title + "\n---\n" + text + "\n");
    }
}
