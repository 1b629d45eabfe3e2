package org.attoscope.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.attoscope.util.Json;

/**
 * {@link Addresses#SEARCH_INDEX}: every story and lesson as a script that sets {@code window.attoscopeSearch}. A
 * script rather than a JSON file, because a page opened from file:// may not fetch one (and the policy allows no
 * connection); {@code <}, {@code >} and {@code &} are escaped as in {@link PointsJson}, so no text can end the script.
 */
final class SearchIndex {
    private SearchIndex() {
    }

    static byte[] script(List<SearchEntry> entries) {
        try {
            String json = Json.writer().writeValueAsString(entries)
                    .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
            return ("window.attoscopeSearch = " + json + ";\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("search entries always serialise", e);
        }
    }
}
