package org.attoscope.content;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * Front matter of "key: value" lines, read into text values, for stories and lessons alike.
 *
 * <p>The YAML is composed into nodes rather than loaded into maps so that every key and value keeps its line: an
 * author told "unknown key" wants to know which line to fix.
 */
public final class FrontMatterYaml {
    /** A value as written (stripped; empty for a bare key) and the file line of its key. */
    public record Value(String text, int line) {
    }

    private FrontMatterYaml() {
    }

    /**
     * @param file      the file, for errors
     * @param yaml      the text between the {@code ---} lines
     * @param firstLine the 1-based file line the YAML starts on
     * @param keys      the only keys allowed
     * @param whose     how errors name the owner, e.g. "a story's"
     * @return the values by key, in file order; keys not written are absent
     */
    public static Map<String, Value> read(Path file, String yaml, int firstLine, List<String> keys, String whose) {
        Node root = compose(file, yaml, firstLine);
        if (root == null) {
            return Map.of();
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new InputException(file, lineOf(root, firstLine), "the front matter is not a list of \"key: value\" lines.",
                    "write " + String.join(" and ", keys.stream().map(k -> "\"" + k + ": ...\"").toList()) + " on lines of their own.");
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            int line = lineOf(entry.getKeyNode(), firstLine);
            String key = scalar(file, entry.getKeyNode(), firstLine, "a key");
            if (!keys.contains(key)) {
                throw new InputException(file, line, "unknown front matter key \"" + key + "\".",
                        Suggestions.didYouMean(key.toLowerCase(Locale.ROOT), keys) + whose + " front matter knows only "
                                + String.join(" and ", keys) + ".");
            }
            if (values.containsKey(key)) {
                throw new InputException(file, line, "\"" + key + "\" is given twice.", "keep one " + key + " line.");
            }
            values.put(key, new Value(scalar(file, entry.getValueNode(), firstLine, "\"" + key + "\"").strip(), line));
        }
        return Collections.unmodifiableMap(values);
    }

    /** Front matter longer than this is not a title and a summary; YAML's own limit would blame the quoting. */
    static final int LONGEST = 64 * 1024;

    private static Node compose(Path file, String yaml, int firstLine) {
        if (yaml.length() > LONGEST) {
            throw new InputException(file, firstLine, "the front matter is " + yaml.length() + " characters long; it holds a title and a summary, a line each.",
                    "shorten it to a few lines (at most " + LONGEST + " characters); long text belongs in the body, after the closing ---.");
        }
        try {
            return new Compose(LoadSettings.builder().setLabel(file.toString()).build()).composeString(yaml).orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> firstLine + m.getLine()).orElse(firstLine);
            throw new InputException(file, line, "malformed front matter: " + e.getProblem() + ".", YAML_FIX);
        } catch (YamlEngineException e) {
            throw new InputException(file, firstLine, "malformed front matter: " + e.getMessage() + ".", YAML_FIX);
        }
    }

    private static final String YAML_FIX = "front matter is YAML: \"title: My title\" on one line; quote a value that "
            + "contains \": \" or starts with a quote mark.";

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
}
