package org.attoscope.figures;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.attoscope.util.Json;

/**
 * The colour scales' control points, read from {@value #RESOURCE}: a definition (data) that the figures draw with and
 * the verifier re-derives fills from with its own code, so neither trusts the other's arithmetic.
 *
 * @param sequentialLow  the sequential scale's colour at 0
 * @param sequentialHigh its colour at 1
 * @param centre         the diverging scale's colour at 0, as OKLCh
 * @param negative       its colour at {@code -limit}
 * @param positive       its colour at {@code +limit}
 * @param masked         the fill of causal-masked cells
 */
public record ScalePoints(Rgb sequentialLow, Rgb sequentialHigh, Lch centre, Lch negative, Lch positive, Rgb masked) {

    /** The classpath resource both sides read. */
    public static final String RESOURCE = "/org/attoscope/figures/scales.json";

    /** An OKLCh colour: lightness, chroma, hue in degrees. */
    public record Lch(double lightness, double chroma, double hueDegrees) {
        static Lch of(JsonNode n) {
            return new Lch(n.path("L").asDouble(), n.path("C").asDouble(), n.path("h").asDouble());
        }
    }

    private static final ScalePoints SHARED = load();

    /** The points every scale of this build uses. */
    public static ScalePoints shared() {
        return SHARED;
    }

    /** The resource as JSON, for a reader that interprets it its own way. */
    public static JsonNode json() {
        try (InputStream in = ScalePoints.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ScalePoints load() {
        JsonNode j = json();
        JsonNode d = j.path("diverging");
        return new ScalePoints(Rgb.parse(j.path("sequential").path("low").asText()),
                Rgb.parse(j.path("sequential").path("high").asText()), Lch.of(d.path("centre")), Lch.of(d.path("negative")),
                Lch.of(d.path("positive")), Rgb.parse(j.path("masked").asText()));
    }
}
