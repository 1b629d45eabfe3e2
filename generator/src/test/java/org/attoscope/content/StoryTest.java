package org.attoscope.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attoscope.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoryTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private InputException failure(String name, String content) throws IOException {
        Path file = write(name, content);
        return assertThrows(InputException.class, () -> Story.read(file));
    }

    @Test
    void aStoryIsFrontMatterThenText() throws IOException {
        Story s = Story.read(write("the-cat.md", "---\ntitle: The cat\nnote: \"A note: with a colon\"\n---\n\nThe cat sat.\nThe end.\n"));
        assertEquals("the-cat", s.slug());
        assertEquals("The cat", s.title());
        assertEquals("A note: with a colon", s.note());
        assertEquals("The cat sat.\nThe end.", s.text());
        assertEquals(6, s.textLine());
        assertEquals(7, s.lineOf(s.text().indexOf("The end")));
    }

    @Test
    void theNoteIsOptional() throws IOException {
        Story s = Story.read(write("a.md", "---\ntitle: A\n---\nText."));
        assertNull(s.note());
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreAccepted() throws IOException {
        Story s = Story.read(write("a.md", "\uFEFF---\r\ntitle: A\r\n---\r\nOne.\r\nTwo.\r\n"));
        assertEquals("A", s.title());
        assertEquals("One.\nTwo.", s.text());
    }

    @Test
    void aMissingTitleNamesTheFrontMatter() throws IOException {
        InputException e = failure("a.md", "---\nnote: hi\n---\nText.");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("has no title"), e.getMessage());
    }

    @Test
    void anEmptyTitleIsRefused() throws IOException {
        InputException e = failure("a.md", "---\ntitle:\n---\nText.");
        assertTrue(e.getMessage().contains("title is empty"), e.getMessage());
    }

    @Test
    void anUnknownKeyIsReportedOnItsLineWithTheNearestKnownKey() throws IOException {
        InputException e = failure("a.md", "---\ntitle: A\ntitel: B\n---\nText.");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unknown front matter key \"titel\""), e.getMessage());
        assertTrue(e.fix().contains("did you mean \"title\"?"), e.fix());
    }

    @Test
    void aDuplicateKeyIsRefused() throws IOException {
        InputException e = failure("a.md", "---\ntitle: A\ntitle: B\n---\nText.");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
    }

    @Test
    void malformedYamlPointsAtTheLineTheParserStoppedOn() throws IOException {
        InputException e = failure("a.md", "---\ntitle: A\nnote: one: two\n---\nText.");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("malformed front matter"), e.getMessage());
    }

    @Test
    void aListIsNotText() throws IOException {
        InputException e = failure("a.md", "---\ntitle:\n  - A\n  - B\n---\nText.");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("plain text"), e.getMessage());
    }

    @Test
    void frontMatterMustOpenAndClose() throws IOException {
        assertEquals(1, failure("a.md", "title: A\nText.").line());
        InputException unclosed = failure("b.md", "---\ntitle: A\nText.");
        assertEquals(1, unclosed.line());
        assertTrue(unclosed.getMessage().contains("never closed"), unclosed.getMessage());
    }

    @Test
    void aStoryWithoutTextIsRefusedAtTheLineAfterTheFrontMatter() throws IOException {
        InputException e = failure("a.md", "---\ntitle: A\n---\n\n   \n");
        assertTrue(e.getMessage().contains("no text"), e.getMessage());
        assertTrue(e.line() >= 4, "line " + e.line());
    }

    @Test
    void aFileNameThatIsNotAnAddressIsRefusedWithASuggestion() throws IOException {
        InputException e = failure("My Story.md", "---\ntitle: A\n---\nText.");
        assertTrue(e.fix().contains("my-story.md"), e.fix());
    }

    @Test
    void aLibraryListsStoriesInSlugOrderAndIgnoresOtherFiles() throws IOException {
        Path stories = Files.createDirectories(dir.resolve("content/stories"));
        Files.writeString(stories.resolve("b.md"), "---\ntitle: B\n---\nText.");
        Files.writeString(stories.resolve("a.md"), "---\ntitle: A\n---\nText.");
        Files.writeString(stories.resolve("notes.txt"), "not a story");
        List<Story> all = StoryLibrary.load(dir.resolve("content"));
        assertEquals(List.of("a", "b"), all.stream().map(Story::slug).toList());
        assertEquals(List.of(), StoryLibrary.load(dir.resolve("elsewhere")));
    }
}
