package org.attoscope.lessons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.content.ContentFiles;

/** The lessons of a content folder in book order (by NN), each number used once; {@code README.md} is not one. */
public record Book(List<Lesson> lessons) {
    /** The authors' notes in the lessons folder, not a lesson. */
    static final String README = "README.md";

    public Book {
        lessons = List.copyOf(lessons);
    }

    /** Reads {@code contentDir/lessons/*.md}; a content folder without a lessons folder has an empty book. */
    public static Book load(Path contentDir) {
        Path dir = contentDir.resolve(LessonSection.FOLDER);
        if (!Files.isDirectory(dir)) {
            return new Book(List.of());
        }
        List<Lesson> lessons = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".md") && !p.getFileName().toString().equals(README))
                    .filter(Files::isRegularFile).sorted()
                    .map(f -> ContentFiles.requireInside(contentDir, f, f, 0))
                    .map(Lesson::read).forEach(lessons::add);
        } catch (IOException e) {
            throw new InputException(dir, "cannot list the lessons folder: " + e.getMessage() + ".", "check its permissions.");
        }
        lessons.sort(Comparator.comparingInt(Lesson::number).thenComparing(Lesson::name));
        for (int i = 1; i < lessons.size(); i++) {
            Lesson before = lessons.get(i - 1);
            Lesson lesson = lessons.get(i);
            if (before.number() == lesson.number()) {
                throw new InputException(lesson.file(), "lesson number " + String.format("%02d", lesson.number())
                        + " is also used by " + before.file().getFileName() + ".",
                        "give each lesson its own number; the number is its place in the book.");
            }
        }
        return new Book(lessons);
    }

    /** The lesson whose file is {@code NAME.md}, for links between lessons. */
    public Optional<Lesson> byFileName(String fileName) {
        return lessons.stream().filter(l -> (l.name() + ".md").equals(fileName)).findFirst();
    }
}
