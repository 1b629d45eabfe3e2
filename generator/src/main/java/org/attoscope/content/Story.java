package org.attoscope.content;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.attoscope.InputException;

/**
 * One curated story: {@code content/stories/SLUG.md}, YAML front matter between {@code ---} lines, then the text.
 *
 * @param file     where it was read from
 * @param slug     the file name without {@code .md}; also the page's folder, so it is kept URL-safe
 * @param title    from the front matter
 * @param note     the one-line note from the front matter, or null
 * @param text     the story text, stripped of surrounding blank space
 * @param textLine the 1-based line of {@code file} on which {@link #text} starts
 */
public record Story(Path file, String slug, String title, String note, String text, int textLine) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final String FENCE = "---";

    public static Story read(Path file) {
        String name = file.getFileName().toString();
        String slug = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
        if (!SLUG.matcher(slug).matches()) {
            throw new InputException(file, "the file name \"" + name + "\" cannot be a page address.",
                    "rename it to lower-case letters, digits and single hyphens, for example \"" + suggestSlug(slug) + ".md\".");
        }
        String content = readUtf8(file);
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        List<String> lines = content.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            throw new InputException(file, 1, "the story does not start with front matter.",
                    "begin the file with a line \"---\", then \"title: ...\", then another \"---\", then the story.");
        }
        int close = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            throw new InputException(file, 1, "the front matter opened here is never closed.", "add a line \"---\" after the title (and note).");
        }
        FrontMatter meta = FrontMatter.parse(file, String.join("\n", lines.subList(1, close)), 2);

        int first = close + 1;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        String text = String.join("\n", lines.subList(first, lines.size())).strip();
        int textLine = first + 1;
        if (text.isEmpty()) {
            throw new InputException(file, Math.min(textLine, lines.size() + 1) , "the story has no text after its front matter.",
                    "write the story below the closing \"---\" line.");
        }
        return new Story(file, slug, meta.title(), meta.note(), text, textLine);
    }

    /** The 1-based file line of a character offset into {@link #text}. */
    public int lineOf(int offset) {
        int line = textLine;
        for (int i = 0; i < Math.min(offset, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String readUtf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file, "the file is not UTF-8 text.", "save it as UTF-8.");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage() + ".", "check the file's permissions.");
        }
    }

    private static String suggestSlug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "my-story" : s;
    }
}
