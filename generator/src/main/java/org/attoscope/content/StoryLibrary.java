package org.attoscope.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.attoscope.InputException;

/** The curated stories of a content folder ({@code content/stories/*.md}), in slug order so pages list them stably. */
public final class StoryLibrary {
    public static final String FOLDER = "stories";

    private StoryLibrary() {
    }

    /** Every story, read and checked; a folder without a stories directory simply has none. */
    public static List<Story> load(Path contentDir) {
        Path dir = contentDir.resolve(FOLDER);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .map(Story::read)
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir, "cannot list the stories folder: " + e.getMessage() + ".", "check the folder's permissions.");
        }
    }
}
