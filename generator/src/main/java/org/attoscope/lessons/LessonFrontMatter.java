package org.attoscope.lessons;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attoscope.InputException;
import org.attoscope.content.FrontMatterYaml;

/** A lesson's YAML front matter: {@code title} and {@code summary}, both required, nothing else. */
public record LessonFrontMatter(String title, String summary) {
    static final List<String> KEYS = List.of("title", "summary");

    /**
     * @param yaml      the text between the {@code ---} lines
     * @param firstLine the 1-based line of the file the YAML starts on
     */
    public static LessonFrontMatter parse(Path file, String yaml, int firstLine) {
        Map<String, FrontMatterYaml.Value> values = FrontMatterYaml.read(file, yaml, firstLine, KEYS, "a lesson's");
        for (String key : KEYS) {
            if (!values.containsKey(key) || values.get(key).text().isEmpty()) {
                throw new InputException(file, firstLine, "the front matter has no " + key + ".",
                        "add a line \"" + key + ": ...\" between the --- lines.");
            }
        }
        return new LessonFrontMatter(values.get("title").text(), values.get("summary").text());
    }
}
