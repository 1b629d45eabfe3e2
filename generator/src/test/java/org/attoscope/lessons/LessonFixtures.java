package org.attoscope.lessons;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.capture.CaptureRecorder;
import org.attoscope.capture.CaptureWriter;
import org.attoscope.content.Story;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.pages.TracedStory;
import org.attoscope.pages.Fragments;
import org.attoscope.testing.TestModels;
import org.attoscope.pages.StoryTraces;
import org.attoscope.testing.TinyBundle;
import org.attoscope.trace.Tracer;
import org.attoscope.util.Sha256;

/**
 * A content folder built by a test: the tiny model, a capture it recorded, a story it traced, and lessons written
 * as text. Everything a lesson figure can be drawn from, with no dependency on the real model.
 */
final class LessonFixtures {
    /** Recorded by the tiny model: T = 7 at step 0 ("<bos> the cat sat on the mat"). */
    static final String CAPTURE = "tiny-run";
    static final String PROMPT = "the cat sat on the mat";
    static final String STORY = "cat-story";

    final Path content;
    final ModelBundle bundle;
    private final List<TracedStory> stories = new ArrayList<>();

    LessonFixtures(Path dir) {
        this.content = dir.resolve("content");
        this.bundle = ModelBundle.load(new TinyBundle().block(16).writeTo(dir.resolve("model")));
        CaptureWriter.write(captures(), CAPTURE, new CaptureRecorder(new AttoGpt(bundle)).record(PROMPT, 2));
        Path storyFile = write(content.resolve("stories/" + STORY + ".md"),
                "---\ntitle: The cat\n---\nthe cat sat on the mat. the dog ran.\n");
        Story story = Story.read(storyFile);
        try (Tracer tracer = new Tracer(new AttoGpt(bundle), 5, 1, true)) {
            stories.add(new TracedStory(story, bundle.tokenizer().encode(story.text()),
                    tracer.trace(new Tracer.Prompt(story.slug(), story.text())), List.of()));
        }
    }

    Path captures() {
        return content.resolve("captures");
    }

    List<TracedStory> stories() {
        return stories;
    }

    /** Writes {@code content/lessons/NAME}: front matter, then {@code body}. The body starts on line 5. */
    Path lesson(String name, String body) {
        return write(content.resolve("lessons/" + name), "---\ntitle: " + name + "\nsummary: About " + name
                + ".\n---\n" + body);
    }

    /** The repository's templates' fragments, which write the figures' markup. */
    static final Fragments FRAGMENTS = Fragments.of(TestModels.repoRoot().resolve("templates"));

    LessonSection section() {
        return new LessonSection(content, bundle);
    }

    /** Renders the whole book; the first problem throws. */
    List<RenderedLesson> render() {
        return section().render(StoryTraces.of(stories), FRAGMENTS);
    }

    /** Renders one lesson on its own (outside the book), its body starting on line 5 of its file. */
    RenderedLesson renderAlone(String body) {
        Path file = write(content.getParent().resolve("alone/01-alone.md"),
                "---\ntitle: Alone\nsummary: One lesson.\n---\n" + body);
        Lesson lesson = Lesson.read(file);
        return new LessonMarkdown().render(lesson, new Book(List.of(lesson)), sources());
    }

    LessonSources sources() {
        return new LessonSources(new CaptureLibrary(captures()), bundle, StoryTraces.of(List.of(stories.get(0))), FRAGMENTS);
    }

    /**
     * A capture as another tool writes it (a PyTorch run of some other model): bytes written here, one F16 tensor
     * {@code layer0.attn} of shape [1, 2, 4, 4] with no step in its name, a manifest with no model_sha256 and no
     * prompt ids, so nothing ties its rows to this model's tokens.
     */
    void foreignCapture(String name, int[] f16Bits) {
        foreignCapture(name, f16Bits, "[1,2,4,4]");
    }

    /** A capture from another tool: one F16 tensor {@code layer0.attn} of {@code shape} (JSON, no spaces). */
    void foreignCapture(String name, int[] f16Bits, String shape) {
        ByteBuffer raw = ByteBuffer.allocate(f16Bits.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : f16Bits) {
            raw.putShort((short) w);
        }
        byte[] data = raw.array();
        String header = "{\"__metadata__\":{\"format\":\"pt\"},\"layer0.attn\":{\"dtype\":\"F16\",\"shape\":" + shape + ","
                + "\"data_offsets\":[0," + data.length + "]}}";
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(h.length).put(h).put(data);
        writeBytes(captures().resolve(name + ".safetensors"), file.array());
        write(captures().resolve(name + ".json"), "{\n  \"model\": \"gpt-neo-tinystories\",\n  \"generator\": "
                + "\"torch-hooks\",\n  \"tensors\": {\n    \"layer0.attn\": {\"dtype\": \"F16\", \"shape\": " + shape.replace(",", ", ") + ", "
                + "\"sha256\": \"" + Sha256.hex(data) + "\"}\n  }\n}\n");
    }

    static Path write(Path file, String text) {
        return writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
