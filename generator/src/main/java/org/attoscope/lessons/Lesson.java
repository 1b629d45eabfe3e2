package org.attoscope.lessons;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.InputException;
import org.attoscope.pages.Addresses;

/**
 * One chapter of the book: {@code content/lessons/NN-SLUG.md}, YAML front matter then a Markdown body.
 *
 * @param file     where it was read from
 * @param number   NN, its place in the book
 * @param name     the file name without {@code .md} ({@code 03-attention}), also its page's folder
 * @param title    from the front matter
 * @param summary  from the front matter, shown on the contents page
 * @param body     the Markdown after the front matter
 * @param bodyLine the 1-based line of {@code file} on which {@code body} starts
 */
public record Lesson(Path file, int number, String name, String title, String summary, String body, int bodyLine) {
    static final Pattern FILE_NAME = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");
    private static final String FENCE = "---";

    public static Lesson read(Path file) {
        String fileName = file.getFileName().toString();
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new InputException(file, "the lesson's file name \"" + fileName + "\" is not NN-SLUG.md.",
                    "name it with a two-digit number, a hyphen and a lower-case slug, for example 07-"
                            + fileName.replaceFirst("\\.md$", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                            .replaceAll("(^-+|-+$)", "").replaceAll("^\\d+-?", "") + ".md.");
        }
        String text = readUtf8(file);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            throw new InputException(file, 1, "the lesson does not start with front matter.",
                    "begin the file with \"---\", \"title: ...\", \"summary: ...\" and another \"---\".");
        }
        int close = -1;
        for (int i = 1; i < lines.size() && close < 0; i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                close = i;
            }
        }
        if (close < 0) {
            throw new InputException(file, 1, "the front matter opened here is never closed.",
                    "add a line \"---\" after the summary.");
        }
        LessonFrontMatter meta = LessonFrontMatter.parse(file, String.join("\n", lines.subList(1, close)), 2);
        String body = String.join("\n", lines.subList(close + 1, lines.size())) + "\n";
        return new Lesson(file, Integer.parseInt(m.group(1)), fileName.substring(0, fileName.length() - 3),
                meta.title(), meta.summary(), body, close + 2);
    }

    /** The page, from the site root. */
    public String href() {
        return Addresses.lesson(name);
    }

    private static String readUtf8(Path file) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new InputException(file, "the file is not UTF-8 text.", "save it as UTF-8.");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage() + ".", "check the file's permissions.");
        }
    }
}
