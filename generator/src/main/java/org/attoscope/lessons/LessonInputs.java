package org.attoscope.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.StoryTraces;

/**
 * What a lesson page is made of, for {@code attoscope serve} to tell whether it must be rendered again: the lesson
 * itself, the book's entries (its contents, neighbours and cross-links), and every capture and story its text
 * names. A name counts when it appears anywhere in the text, which covers every directive that uses it and at
 * worst re-renders a lesson that only mentions one; it never misses a dependency, as a directive must spell the
 * name out.
 *
 * <p>One instance serves one plan of the book and the renders of its pages: each capture's files are read once for
 * it, however many lessons and figures name the capture, and afresh for the next plan, so an edited capture is
 * always seen; serve's {@link LessonCache} hashes them again only when their bytes changed.
 */
final class LessonInputs {
    /**
     * A capture as a lesson depends on it: the bytes of its two files, and where they really are (a file linked
     * from outside content/ is refused by the render, so a kept figure must not outlive such a change).
     */
    private record CaptureFiles(String name, String manifest, String tensors) {
    }

    private final List<LessonEntry> book;
    private final CaptureLibrary captures;
    private final StoryTraces stories;
    private final ModelBundle bundle;
    private final String templates;
    private final LessonCache cache;
    private final List<String> captureNames;
    private final Map<String, CaptureFiles> hashed = new ConcurrentHashMap<>();

    /** @param templates the templates' fingerprint, which a figure's markup depends on */
    LessonInputs(List<LessonEntry> book, CaptureLibrary captures, StoryTraces stories, ModelBundle bundle, String templates,
                 LessonCache cache) {
        this.cache = cache;
        this.book = book;
        this.captures = captures;
        this.stories = stories;
        this.bundle = bundle;
        this.templates = templates;
        this.captureNames = captures.names();
    }

    List<Object> of(Lesson lesson) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(lesson);
        inputs.add(book);
        inputs.add(stories.slugs()); // links to stories are checked against the set of slugs
        named(lesson.body(), inputs);
        return inputs;
    }

    /**
     * What the figure a directive asks for is drawn from, by the same rule: the directive itself, the model and
     * tokenizer, the templates that write its markup, and every capture and story its attributes name. A directive
     * draws from nothing else (it sees only its attributes and {@link LessonSources}), so two figures of equal
     * inputs are the same bytes.
     */
    List<Object> ofFigure(Directive d) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(d.name());
        inputs.add(List.copyOf(d.attributes().entrySet().stream().map(e -> List.of(e.getKey(), e.getValue())).toList()));
        inputs.add(bundle.sha256());
        inputs.add(bundle.tokenizerSha256());
        inputs.add(templates);
        named(String.join("\n", d.attributes().values()), inputs);
        return inputs;
    }

    /** Every capture (its files' bytes) and story (as explored) whose name {@code text} contains. */
    private void named(String text, List<Object> inputs) {
        for (String name : captureNames) {
            if (text.contains(name)) {
                inputs.add(hashed.computeIfAbsent(name, n -> new CaptureFiles(n, hash(captures.dir().resolve(n + ".json")),
                        hash(captures.dir().resolve(n + ".safetensors")))));
            }
        }
        for (String slug : stories.slugs()) {
            if (text.contains(slug)) {
                inputs.add(stories.explored(slug));
            }
        }
    }

    private String hash(Path file) {
        try {
            return Files.isRegularFile(file) ? cache.sha256(file, Files.readAllBytes(file)) + " " + file.toRealPath() : "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage(); // the render reports it with the directive's line
        }
    }
}
