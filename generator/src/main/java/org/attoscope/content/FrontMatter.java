package org.attoscope.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attoscope.InputException;

/** A story's YAML front matter: a title and an optional one-line note. */
public record FrontMatter(String title, String note) {
    static final List<String> KEYS = List.of("title", "note");

    /**
     * Parses the YAML between the fences.
     *
     * @param file      the story file, for errors
     * @param yaml      the text between the {@code ---} lines
     * @param firstLine the 1-based file line the YAML starts on
     */
    public static FrontMatter parse(Path file, String yaml, int firstLine) {
        Map<String, FrontMatterYaml.Value> values = FrontMatterYaml.read(file, yaml, firstLine, KEYS, "a story's");
        FrontMatterYaml.Value title = values.get("title");
        if (title == null) {
            throw new InputException(file, firstLine - 1, "the front matter has no title.", "add a line \"title: ...\" between the --- lines.");
        }
        if (title.text().isEmpty()) {
            throw new InputException(file, title.line(), "the title is empty.", "write the story's title after \"title:\".");
        }
        FrontMatterYaml.Value note = values.get("note");
        return new FrontMatter(title.text(), note == null || note.text().isEmpty() ? null : note.text());
    }
}
