package org.attoscope.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.util.Folders;
import java.util.stream.Stream;
import org.attoscope.cli.Main;

/**
 * A whole project over the tiny test model (context 8, so stories slide): content/ with stories, lessons and two
 * of the repository's captures, a private copy of the repository's templates (tests edit them), and site/.
 */
public final class TinyProject {
    public final Path root;
    public final Path content;
    public final Path templates;
    public final Path site;
    public final Path model;
    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();

    public TinyProject(Path root) {
        this.root = root;
        this.content = root.resolve("content");
        this.templates = root.resolve("templates");
        this.site = root.resolve("site");
        try {
            model = new TinyBundle().writeTo(root.resolve("model"));
            Files.createDirectories(content.resolve("stories"));
            Files.createDirectories(content.resolve("lessons"));
            Files.createDirectories(content.resolve("captures"));
            Folders.copy(TestModels.repoRoot().resolve("templates"), templates);
            for (String f : new String[] {"spot-ran.json", "spot-ran.safetensors"}) {
                Files.copy(TestModels.repoRoot().resolve("content/captures").resolve(f), content.resolve("captures").resolve(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        siteJson(null);
        story("cat", "The cat", "The cat sat on the mat. A dog ran!");
        story("mat", "The mat", "The mat sat? The dog sat on the cat.");
        lesson("01-first", "First lesson", "Where the book starts.", "## Start\n\nThe model reads [a story](../stories/cat.md).\n");
        lesson("02-attention", "Attention", "One head's attention.",
                "## Heads\n\n```heatmap capture=spot-ran tensor=step00.attention_00 head=1\n```\n\n```explorer story=cat point=3\n```\n");
    }

    public TinyProject siteJson(String baseUrl) {
        return write("content/site.json", "{\"title\": \"Tiny site\", "
                + (baseUrl != null ? "\"base_url\": \"" + baseUrl + "\", " : "") + "\"model\": {\"path\": \"../model\"}}\n");
    }

    public TinyProject story(String slug, String title, String text) {
        return write("content/stories/" + slug + ".md", "---\ntitle: " + title + "\n---\n" + text + "\n");
    }

    public TinyProject lesson(String name, String title, String summary, String body) {
        return write("content/lessons/" + name + ".md", "---\ntitle: " + title + "\nsummary: " + summary + "\n---\n" + body);
    }

    /** Writes a file of the project, by path relative to its root. */
    public TinyProject write(String path, String text) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public String read(String path) {
        try {
            return Files.readString(root.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code attoscope build} on this project, in-process, with the given extra arguments; returns the exit code. */
    public int build(String... extra) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] args = Stream.concat(Stream.of("build", "--content", content.toString(), "--templates", templates.toString(),
                "--out", site.toString(), "--threads", "2"), Stream.of(extra)).toArray(String[]::new);
        return Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
