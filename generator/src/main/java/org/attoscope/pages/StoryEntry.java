package org.attoscope.pages;

import org.attoscope.content.Story;

/** A story as lists show it: title, note, size, and the link to its explorer relative to the site root. */
public record StoryEntry(String slug, String title, String note, int tokenCount, int unknownWords) {

    static StoryEntry of(Story story, int tokenCount, int unknownWords) {
        return new StoryEntry(story.slug(), story.title(), story.note(), tokenCount, unknownWords);
    }

    /** Path from the site root, ending in index.html because file:// does not open folders' index pages. */
    public String href() {
        return Addresses.explorer(slug);
    }
}
