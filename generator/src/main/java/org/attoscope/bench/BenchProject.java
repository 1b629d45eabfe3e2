package org.attoscope.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.util.Folders;
import java.util.Comparator;
import java.util.stream.Stream;
import org.attoscope.util.Json;
import org.attoscope.util.JsonFiles;

/** A throwaway project folder for a benchmark: a copy of content/ and templates/ (or generated content), removed afterwards. */
final class BenchProject implements AutoCloseable {
    final Path root;
    final Path content;
    final Path templates;
    final Path site;

    private BenchProject(Path root) {
        this.root = root;
        this.content = root.resolve("content");
        this.templates = root.resolve("templates");
        this.site = root.resolve("site");
    }

    /** A copy of {@code content} and {@code templates}, its site.json pointing at {@code modelDir} wherever the copy is. */
    static BenchProject copyOf(Path content, Path templates, Path modelDir) {
        // checked before the copy starts, so a wrong working folder is an author's error, not a half-made copy
        if (!Files.isDirectory(content)) {
            throw new InputException(content, "the content folder does not exist.",
                    "run the benchmark from the project's root, or pass --content with the folder holding site.json.");
        }
        if (!Files.isDirectory(templates)) {
            throw new InputException(templates, "the templates folder does not exist.",
                    "run the benchmark from the project's root, or pass --templates with the folder holding the site's .html templates.");
        }
        try {
            BenchProject p = new BenchProject(Files.createTempDirectory("attoscope-bench-"));
            Folders.copy(content, p.content);
            Folders.copy(templates, p.templates);
            ObjectNode json = (ObjectNode) JsonFiles.read(p.content.resolve("site.json"));
            ObjectNode model = json.putObject("model");
            model.put("path", modelDir.toAbsolutePath().normalize().toString());
            Files.writeString(p.content.resolve("site.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
