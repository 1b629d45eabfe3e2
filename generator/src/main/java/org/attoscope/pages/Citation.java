package org.attoscope.pages;

import java.util.List;

/**
 * A page of a section whose figures are drawn from a story's prediction points (a lesson's {@code explorer},
 * {@code attribution} or {@code ablations} figures): the story's explorer lists it under "Cited in lessons".
 *
 * @param story   the story's slug
 * @param label   where the page stands in its section, shown before its title ({@code Lesson 05})
 * @param title   the page's title
 * @param address the page from the site root, with the fragment of its first figure of the story
 *                ({@code lessons/05-one-prediction/index.html#figure-2})
 * @param points  the story's prediction points the page draws, ascending, each once
 */
public record Citation(String story, String label, String title, String address, List<Integer> points) {
    public Citation {
        points = List.copyOf(points);
    }
}
