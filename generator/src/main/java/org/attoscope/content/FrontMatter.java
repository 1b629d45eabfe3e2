package org.attoscope.content;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.attoscope.InputException;
import org.attoscope.model.EditDistance;
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
 * A story's YAML front matter: a title and an optional one-line note.
 *
 * <p>The YAML is composed into nodes rather than loaded into maps so that every key and value keeps its line:
 * an author told "unknown key" wants to know which line to fix.
 */
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
        Node root = compose(file, yaml, firstLine);
        if (root == null) {
            throw missingTitle(file, firstLine - 1);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new InputException(file, lineOf(root, firstLine), "the front matter is not a list of \"key: value\" lines.",
                    "write it as \"title: ...\" and, optionally, \"note: ...\" on their own lines.");
        }
        String title = null;
        String note = null;
        Set<String> seen = new HashSet<>();
        for (NodeTuple entry : mapping.getValue()) {
            String key = scalar(file, entry.getKeyNode(), firstLine, "a key");
            int line = lineOf(entry.getKeyNode(), firstLine);
            if (!KEYS.contains(key)) {
                throw new InputException(file, line, "unknown front matter key \"" + key + "\".",
                        suggestion(key) + "a story's front matter knows only " + String.join(" and ", KEYS) + ".");
            }
            if (!seen.add(key)) {
                throw new InputException(file, line, "\"" + key + "\" is given twice.", "keep one " + key + " line.");
            }
            String value = scalar(file, entry.getValueNode(), firstLine, "\"" + key + "\"").strip();
            if (key.equals("title")) {
                title = value;
            } else {
                note = value.isEmpty() ? null : value;
            }
        }
        if (title == null) {
            throw missingTitle(file, firstLine - 1);
        }
        if (title.isEmpty()) {
            throw new InputException(file, lineOf(mapping, firstLine), "the title is empty.", "write the story's title after \"title:\".");
        }
        return new FrontMatter(title, note);
    }

    private static Node compose(Path file, String yaml, int firstLine) {
        try {
            Optional<Node> node = new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(yaml);
            return node.orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> firstLine + m.getLine()).orElse(firstLine);
            throw new InputException(file, line, "malformed front matter: " + e.getProblem() + ".",
                    "front matter is YAML: \"title: My story\" on one line; quote a value that contains \": \" or starts with a quote mark.");
        } catch (YamlEngineException e) {
            throw new InputException(file, firstLine, "malformed front matter: " + e.getMessage() + ".",
                    "front matter is YAML: \"title: My story\" on one line.");
        }
    }

    private static String scalar(Path file, Node node, int firstLine, String what) {
        if (node instanceof ScalarNode s) {
            return s.getTag().equals(Tag.NULL) ? "" : s.getValue();
        }
        throw new InputException(file, lineOf(node, firstLine), what + " must be plain text, not a list or a nested block.",
                "write it on one line, quoted if it contains \": \".");
    }

    private static int lineOf(Node node, int firstLine) {
        return node.getStartMark().map(Mark::getLine).map(l -> firstLine + l).orElse(firstLine);
    }

    private static InputException missingTitle(Path file, int fenceLine) {
        return new InputException(file, fenceLine, "the front matter has no title.", "add a line \"title: ...\" between the --- lines.");
    }

    /** "did you mean title? " for a near-miss like "titel", nothing for a key that resembles none. */
    private static String suggestion(String key) {
        return KEYS.stream()
                .min(Comparator.comparingInt(k -> EditDistance.between(k, key.toLowerCase(Locale.ROOT))))
                .filter(k -> EditDistance.between(k, key.toLowerCase(Locale.ROOT)) <= 2)
                .map(k -> "did you mean \"" + k + "\"? ")
                .orElse("");
    }
}
