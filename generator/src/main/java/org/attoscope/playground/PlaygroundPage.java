package org.attoscope.playground;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.attoscope.util.Json;

/**
 * What the playground template shows.
 *
 * @param presets       the default stories, in the site's order
 * @param reference     the story the page checks its engine against on load, or null when the site has no story
 * @param referenceJson that story's points as the build computed them (FORMATS.md section 3, the explorer's own
 *                      embedding, so the verifier checks it like an explorer's), or null
 * @param modelSha256   the weights the page must find in {@code weights.js}
 * @param topn          predictions per point in the page's live output
 */
public record PlaygroundPage(List<Preset> presets, Preset reference, String referenceJson, String modelSha256, int topn) {
    public PlaygroundPage {
        presets = List.copyOf(presets);
    }

    /** The presets as the text of a {@code <script type="application/json">}: inert in HTML whatever a story says. */
    public String presetsJson() {
        try {
            String json = Json.writer().writeValueAsString(presets);
            return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("presets always serialise", e);
        }
    }
}
