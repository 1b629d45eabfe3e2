package org.attoscope.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.pages.StoryTraces;
import org.attoscope.util.Sha256;

/**
 * What a lesson page is made of, for {@code attoscope serve} to tell whether it must be rendered again: the lesson
 * itself, the book's entries (its contents, neighbours and cross-links), and every capture and story its text
 * names. A name counts when it appears anywhere in the text, which covers every directive that uses it and at
 * worst re-renders a lesson that only mentions one; it never misses a dependency, as a directive must spell the
 * name out.
 *
 * <p>One instance serves one plan of the book: each capture's files are hashed once for it, however many lessons
 * name the capture, and afresh for the next plan, so an edited capture is always seen.
 */
final class LessonInputs {
    /** A capture as a lesson depends on it: the bytes of its two files. */
    private record CaptureFiles(String name, String manifestSha256, String tensorsSha256) {
    }

    private final List<LessonEntry> book;
    private final CaptureLibrary captures;
    private final StoryTraces stories;
    private final List<String> captureNames;
    private final Map<String, CaptureFiles> hashed = new HashMap<>();

    LessonInputs(List<LessonEntry> book, CaptureLibrary captures, StoryTraces stories) {
        this.book = book;
        this.captures = captures;
        this.stories = stories;
        this.captureNames = captures.names();
    }

    List<Object> of(Lesson lesson) {
        List<Object> inputs = new ArrayList<>();
        inputs.add(lesson);
        inputs.add(book);
        inputs.add(stories.slugs()); // links to stories are checked against the set of slugs
        for (String name : captureNames) {
            if (lesson.body().contains(name)) {
                inputs.add(hashed.computeIfAbsent(name, n -> new CaptureFiles(n, hash(captures.dir().resolve(n + ".json")),
                        hash(captures.dir().resolve(n + ".safetensors")))));
            }
        }
        for (String slug : stories.slugs()) {
            if (lesson.body().contains(slug)) {
                inputs.add(stories.explored(slug));
            }
        }
        return inputs;
    }

    private static String hash(Path file) {
        try {
            return Files.isRegularFile(file) ? Sha256.hex(Files.readAllBytes(file)) : "missing";
        } catch (IOException e) {
            return "unreadable: " + e.getMessage(); // the render reports it with the directive's line
        }
    }
}
