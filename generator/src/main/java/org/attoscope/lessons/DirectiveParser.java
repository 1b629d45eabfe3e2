package org.attoscope.lessons;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attoscope.InputException;

/**
 * Reads a fence's info string as a directive: a name, then {@code key=value} attributes separated by spaces.
 *
 * <pre>
 * info      = name { space attribute }
 * name      = [a-z][a-z0-9-]*
 * attribute = key "=" value
 * key       = [a-z][a-z0-9_-]*
 * value     = bare | quoted
 * bare      = one or more characters other than space and '"'
 * quoted    = '"' { any character but '"' and '\' | '\"' | '\\' } '"'
 * </pre>
 *
 * A key may appear once. Quoted values carry spaces ({@code caption="Head 0, every cell"}).
 */
public final class DirectiveParser {

    private final Path file;
    private final int line;
    private final String info;
    private int at;

    private DirectiveParser(Path file, int line, String info) {
        this.file = file;
        this.line = line;
        this.info = info.strip();
    }

    /**
     * @param info the fence's info string, e.g. {@code heatmap capture=once-upon tensor=step00.attention_00 head=0}
     * @param file the lesson file, for errors
     * @param line the fence's 1-based line, for errors
     */
    public static Directive parse(String info, Path file, int line) {
        return new DirectiveParser(file, line, info).parse();
    }

    private Directive parse() {
        String name = word();
        if (name.isEmpty() || !name.matches("[a-z][a-z0-9-]*")) {
            throw fail("the fence's info string \"" + info + "\" does not start with a directive name.",
                    "start it with a directive such as heatmap, logits, cells, explorer or architecture.");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        while (skipSpaces()) {
            int start = at;
            while (at < info.length() && !Character.isWhitespace(info.charAt(at)) && info.charAt(at) != '=') {
                at++;
            }
            String key = info.substring(start, at);
            if (at >= info.length() || info.charAt(at) != '=') {
                throw fail("attribute \"" + key + "\" has no value.", "write " + key + "=VALUE, with no spaces around =.");
            }
            if (key.isEmpty()) {
                throw fail("a value at column " + (start + 1) + " has no attribute name before its =.",
                        "write NAME=VALUE, with no spaces around =.");
            }
            if (!key.matches("[a-z][a-z0-9_-]*")) {
                throw fail("\"" + key + "\" is not an attribute name.",
                        "attribute names are lower-case letters, digits, '-' and '_', starting with a letter.");
            }
            at++;
            String value = value(key);
            if (attributes.containsKey(key)) {
                throw fail(key + "= is given twice.", "keep one " + key + "= on the line.");
            }
            attributes.put(key, value);
        }
        return new Directive(name, attributes, file, line);
    }

    private String word() {
        int start = at;
        while (at < info.length() && !Character.isWhitespace(info.charAt(at))) {
            at++;
        }
        return info.substring(start, at);
    }

    /** Skips spaces; false at the end of the string. */
    private boolean skipSpaces() {
        while (at < info.length() && Character.isWhitespace(info.charAt(at))) {
            at++;
        }
        return at < info.length();
    }

    private String value(String key) {
        if (at >= info.length() || Character.isWhitespace(info.charAt(at))) {
            throw fail(key + "= has no value.", "write " + key + "=VALUE, with no space after =; quote a value with spaces.");
        }
        if (info.charAt(at) == '"') {
            return quoted(key);
        }
        int start = at;
        while (at < info.length() && !Character.isWhitespace(info.charAt(at))) {
            if (info.charAt(at) == '"') {
                throw fail(key + "= has a quote mark inside its value.", "quote the whole value: " + key + "=\"...\".");
            }
            at++;
        }
        return info.substring(start, at);
    }

    private String quoted(String key) {
        StringBuilder sb = new StringBuilder();
        at++;
        while (at < info.length()) {
            char c = info.charAt(at++);
            if (c == '"') {
                if (at < info.length() && !Character.isWhitespace(info.charAt(at))) {
                    throw fail(key + "=\"" + sb + "\" is followed by \"" + info.charAt(at) + "\" without a space.",
                            "separate attributes with a space.");
                }
                return sb.toString();
            }
            if (c == '\\' && at < info.length() && (info.charAt(at) == '"' || info.charAt(at) == '\\')) {
                c = info.charAt(at++);
            }
            sb.append(c);
        }
        throw fail(key + "= opens a quote that is never closed.", "end the value with a quote mark: " + key + "=\"...\".");
    }

    private InputException fail(String problem, String fix) {
        return new InputException(file, line, problem, fix);
    }
}
