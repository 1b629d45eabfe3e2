package org.attoscope.lessons;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.attoscope.InputException;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A lesson's YAML front matter: {@code title} and {@code summary}, both required, nothing else. Composed into
 * nodes (not loaded into maps) so each error can name its line.
 */
public record LessonFrontMatter(String title, String summary) {
    static final List<String> KEYS = List.of("title", "summary");

    /**
     * @param yaml      the text between the {@code ---} lines
     * @param firstLine the 1-based line of the file the YAML starts on
     */
    public static LessonFrontMatter parse(Path file, String yaml, int firstLine) {
        Node root = compose(file, yaml, firstLine);
        if (!(root instanceof MappingNode mapping)) {
            throw new InputException(file, firstLine, "the front matter is not \"key: value\" lines.",
                    "write \"title: ...\" and \"summary: ...\" on their own lines.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            int line = lineOf(entry.getKeyNode(), firstLine);
            String key = scalar(file, entry.getKeyNode(), firstLine);
            if (!KEYS.contains(key)) {
                throw new InputException(file, line, "unknown front matter key \"" + key + "\".",
                        Suggestions.didYouMean(key, KEYS) + "a lesson's front matter has title and summary.");
            }
            if (values.containsKey(key)) {
                throw new InputException(file, line, "\"" + key + "\" is given twice.", "keep one " + key + " line.");
            }
            values.put(key, scalar(file, entry.getValueNode(), firstLine).strip());
        }
        for (String key : KEYS) {
            if (values.getOrDefault(key, "").isEmpty()) {
                throw new InputException(file, firstLine, "the front matter has no " + key + ".",
                        "add a line \"" + key + ": ...\" between the --- lines.");
            }
        }
        return new LessonFrontMatter(values.get("title"), values.get("summary"));
    }

    private static Node compose(Path file, String yaml, int firstLine) {
        try {
            Optional<Node> node = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(yaml);
            return node.orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> firstLine + m.getLine()).orElse(firstLine);
            throw new InputException(file, line, "malformed front matter: " + e.getProblem() + ".",
                    "front matter is YAML; quote a value that contains \": \".");
        } catch (YamlEngineException e) {
            throw new InputException(file, firstLine, "malformed front matter: " + e.getMessage() + ".",
                    "front matter is YAML; quote a value that contains \": \".");
        }
    }

    private static String scalar(Path file, Node node, int firstLine) {
        if (node instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        throw new InputException(file, lineOf(node, firstLine), "front matter values must be plain text, not lists.",
                "write the value on one line.");
    }

    private static int lineOf(Node node, int firstLine) {
        return node.getStartMark().map(Mark::getLine).map(l -> firstLine + l).orElse(firstLine);
    }
}
