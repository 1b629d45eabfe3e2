package org.attoscope.pages;

import java.util.List;
import java.util.Optional;

/**
 * A part of the site another package contributes (the lessons): its pages, rendered with the site's templates and
 * layout into the same staged folder, and its entry in the navigation. Sections are asked for their pages after
 * the stories are read, and may look up a story's prediction points through {@link StoryTraces}; an
 * {@link org.attoscope.InputException} from a section fails the build before anything is published.
 */
public interface SiteSection {

    /** The section's link in the masthead and on the home page; empty when the section has no pages. */
    Optional<NavLink> nav();

    /**
     * Every page of the section, in a stable order. Pages are rendered lazily ({@link SectionPage#makeVariables()}),
     * and {@code attoscope serve} renders one again only when its {@link SectionPage#inputs()} change.
     *
     * @param fragments the site's templates' fragments, for markup the section embeds in its pages; a page that
     *                  uses them depends on the templates that define fragments, which every page's inputs include
     */
    List<SectionPage> pages(StoryTraces stories, Fragments fragments);

    /** What the site's search finds of this section, in a stable order; nothing by default. */
    default List<SearchEntry> searchEntries() {
        return List.of();
    }

    /**
     * The section's pages that draw figures from stories, one per page and story, in the section's order (book
     * order for the lessons); read from the section's sources without rendering a page, so the plan knows them
     * before any page is drawn. None by default.
     */
    default List<Citation> citations() {
        return List.of();
    }

    /** Files of the section that are not rendered from a template (the playground's weights script), if any. */
    default List<PlannedPage> files(StoryTraces stories) {
        return List.of();
    }
}
