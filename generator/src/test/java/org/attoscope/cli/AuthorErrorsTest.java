package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an author sees when something they wrote is wrong: exit 1 and one message naming the file and line, what
 * is wrong, and a fix; and the last good site untouched. One case per kind of mistake.
 */
class AuthorErrorsTest {
    @TempDir
    Path dir;
    TinyProject project;
    byte[] lastGood;

    @BeforeEach
    void aGoodSiteFirst() throws IOException {
        project = new TinyProject(dir.resolve("p"));
        assertEquals(0, project.build(), project.err.toString());
        lastGood = Files.readAllBytes(project.site.resolve("lessons/02-attention/index.html"));
    }

    /** Asserts exit 1 and a single "error: FILE:LINE: problem Fix: fix" line; returns the problem text. */
    private String fails(String file, int line) throws IOException {
        assertEquals(1, project.build(), project.out.toString());
        String err = project.err.toString().strip();
        Matcher m = Pattern.compile("(?m)^error: (.*)$").matcher(err);
        assertTrue(m.find(), err);
        String message = m.group(1);
        assertFalse(m.find(), "one message: " + err);
        String where = project.root.resolve(file) + (line > 0 ? ":" + line : "") + ": ";
        assertTrue(message.startsWith(where), "expected " + where + " in: " + message);
        int fix = message.indexOf(" Fix: ");
        assertTrue(fix > 0 && message.length() > fix + 8, "a fix: " + message);
        assertEquals(new String(lastGood), Files.readString(project.site.resolve("lessons/02-attention/index.html")),
                "the last good site is untouched");
        return message.substring(where.length(), fix);
    }

    @Test
    void malformedFrontMatter() throws IOException {
        project.write("content/stories/mat.md", "---\ntitle: [The mat\n---\nThe mat sat.\n");
        assertTrue(fails("content/stories/mat.md", 2).startsWith("malformed front matter"));
    }

    @Test
    void unknownDirective() throws IOException {
        project.lesson("02-attention", "Attention", "One head.", "## Heads\n\n```heatmapp capture=spot-ran tensor=step00.attention_00 head=1\n```\n");
        assertEquals("unknown directive \"heatmapp\".", fails("content/lessons/02-attention.md", 7));
        assertTrue(project.err.toString().contains("did you mean"), project.err.toString());
    }

    @Test
    void unknownAttribute() throws IOException {
        project.lesson("02-attention", "Attention", "One head.", "## Heads\n\n```heatmap capture=spot-ran tensor=step00.attention_00 head=1 colour=red\n```\n");
        assertTrue(fails("content/lessons/02-attention.md", 7).contains("colour"));
    }

    @Test
    void aStoryThatDoesNotExist() throws IOException {
        project.lesson("02-attention", "Attention", "One head.", "## Heads\n\n```explorer story=cats point=3\n```\n");
        assertEquals("there is no story cats.", fails("content/lessons/02-attention.md", 7));
    }

    @Test
    void aCaptureThatDoesNotExist() throws IOException {
        project.lesson("02-attention", "Attention", "One head.", "## Heads\n\n```heatmap capture=spot-runs tensor=step00.attention_00 head=1\n```\n");
        assertTrue(fails("content/lessons/02-attention.md", 7).startsWith("there is no capture spot-runs"));
    }

    @Test
    void aTemplateErrorIsReportedAtTheTemplatesLine() throws IOException {
        Path lesson = project.templates.resolve("lesson.html");
        String text = Files.readString(lesson);
        Files.writeString(lesson, text.replace("${lesson.entry.summary}", "${lesson.entry.summry}"));
        int line = (int) text.substring(0, text.indexOf("${lesson.entry.summary}")).lines().count();
        assertTrue(fails("templates/lesson.html", line).startsWith("the template cannot be rendered"));
    }

    @Test
    void aStoryWithNoWordTheModelKnows() throws IOException {
        project.story("mat", "The mat", "Zebras juggle quinces!");
        assertTrue(fails("content/stories/mat.md", 4).startsWith("none of the story's words are in the model's vocabulary"));
    }

    @Test
    void anEmptyStory() throws IOException {
        project.write("content/stories/mat.md", "---\ntitle: The mat\n---\n\n");
        assertEquals("the story has no text after its front matter.", fails("content/stories/mat.md", 5));
    }

    @Test
    void aNameThatClimbsOutOfContentIsRefused() throws IOException {
        project.lesson("02-attention", "Attention", "One head.", "## Heads\n\n```heatmap capture=../stories/cat tensor=step00.attention_00 head=1\n```\n");
        assertTrue(fails("content/lessons/02-attention.md", 7).startsWith("there is no capture ../stories/cat"));
    }

    @Test
    void aStoryLinkedInFromOutsideContentIsRefused() throws IOException {
        Path outside = Files.writeString(dir.resolve("secret.md"), "---\ntitle: Secret\n---\nThe cat sat.\n");
        Files.createSymbolicLink(project.content.resolve("stories/secret.md"), outside);
        assertTrue(fails("content/stories/secret.md", 0).contains("leads outside the content folder"));
    }

    @Test
    void aCaptureLinkedInFromOutsideContentIsRefusedAtTheDirective() throws IOException {
        Path captures = project.content.resolve("captures");
        for (String ext : new String[] {".json", ".safetensors"}) {
            Path outside = Files.copy(captures.resolve("spot-ran" + ext), dir.resolve("elsewhere" + ext));
            Files.createSymbolicLink(captures.resolve("elsewhere" + ext), outside);
        }
        project.lesson("02-attention", "Attention", "One head.", "## Heads\n\n```heatmap capture=elsewhere tensor=step00.attention_00 head=1\n```\n");
        assertTrue(fails("content/lessons/02-attention.md", 7).contains("leads outside the content folder"));
    }
}
