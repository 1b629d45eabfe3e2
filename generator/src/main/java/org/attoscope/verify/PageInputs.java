package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one page's check read besides the page's own bytes and the inputs every check shares: each file of the site it
 * resolved (a script or style sheet the page loads, with what its verdict on that file depends on) and each story it
 * asked for. The verification cache keeps an outcome with these and takes it again only while every one is unchanged
 * ({@link VerifiedPages}): the check is a function of the page's bytes, the shared inputs and what it read, so while
 * those read the same it reads the same files and stories again and comes to the same outcome.
 *
 * <p>One page's check fills it on one thread; the stories are recorded through {@link AuditedStories#recording}.
 */
final class PageInputs {
    private final Map<String, String> files = new TreeMap<>();
    private final List<String> stories = new ArrayList<>();

    /** Records that the check resolved {@code path} (from the site root) and what it found there ({@link ScriptAllowList#input}). */
    void file(String path, String input) {
        files.put(path, input);
    }

    /** Each file resolved, by path, with what was found there. */
    Map<String, String> files() {
        return files;
    }

    /** The slugs the check asked {@link AuditedStories} for, in order, repeats included; filled while it runs. */
    List<String> stories() {
        return stories;
    }
}
