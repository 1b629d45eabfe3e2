package org.attoscope.pages;

import java.util.List;

/**
 * The entries either side of one in a list (a story's in the list of stories, a lesson's in the book), for the
 * previous and next links of its page.
 *
 * @param previous the entry before, or null for the first
 * @param next     the entry after, or null for the last
 */
public record Neighbours<T>(T previous, T next) {

    public static <T> Neighbours<T> of(List<T> list, int index) {
        return new Neighbours<>(index > 0 ? list.get(index - 1) : null, index + 1 < list.size() ? list.get(index + 1) : null);
    }
}
