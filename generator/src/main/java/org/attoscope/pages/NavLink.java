package org.attoscope.pages;

/**
 * A section's entry in the site navigation.
 *
 * @param key   what templates compare with the masthead's {@code active} argument, e.g. {@code lessons}
 * @param label the link text, e.g. {@code Lessons}
 * @param href  from the site root, ending in {@code index.html}
 * @param button the home page's button text, e.g. {@code Read the lessons}
 */
public record NavLink(String key, String label, String href, String button) {
}
