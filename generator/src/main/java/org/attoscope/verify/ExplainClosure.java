package org.attoscope.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Every explained target's parts add up to its logit (FORMATS.md section 3.1): token + position + every head's
 * links + MLP. This needs no model: the decomposition is exact, so only rounding separates the sum from the logit.
 *
 * <p>The page writes each part and the logit to 4 decimals (at most 0.00005 off each), and the engine's float32
 * arithmetic adds a few 1e-6; {@link #tolerance} allows for both and nothing more, so a part off by 0.001 shows.
 */
final class ExplainClosure {
    private static final int MAX_FINDINGS = 10;

    private ExplainClosure() {
    }

    /** Rounding of {@code terms} parts and the logit, plus float32 arithmetic. */
    static double tolerance(int terms) {
        return 5e-5 * (terms + 1) + 2e-5;
    }

    /** Findings for one story's embedded points (§3 object); a point without {@code explain} has nothing to check. */
    static List<Finding> check(String file, JsonNode story) {
        List<Finding> out = new ArrayList<>();
        int more = 0;
        for (JsonNode point : story.path("points")) {
            JsonNode explain = point.get("explain");
            if (explain == null) {
                continue;
            }
            for (JsonNode target : explain.path("targets")) {
                JsonNode parts = target.path("parts");
                double sum = parts.path("token").asDouble() + parts.path("position").asDouble();
                int terms = 3;
                for (JsonNode head : parts.path("heads")) {
                    for (JsonNode link : head) {
                        sum += link.path("logit").asDouble();
                        terms++;
                    }
                }
                sum += parts.path("mlp").asDouble();
                double logit = target.path("logit").asDouble();
                if (!(Math.abs(sum - logit) <= tolerance(terms))) {
                    if (out.size() < MAX_FINDINGS) {
                        out.add(new Finding(file, "explained point " + point.path("focus").asInt(), "",
                                "the parts of target \"" + target.path("token").asText() + "\" add up to " + sum
                                        + ", not to its logit " + logit));
                    } else {
                        more++;
                    }
                }
            }
        }
        if (more > 0) {
            out.add(new Finding(file, "explained points", "", more + " more targets whose parts do not add up to the logit"));
        }
        return out;
    }
}
