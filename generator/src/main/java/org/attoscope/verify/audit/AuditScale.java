package org.attoscope.verify.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attoscope.figures.ScalePoints;

/**
 * The verifier's own reading of a figure's colour scale: its {@code data-scale} id parsed here, and fills computed
 * here from the shared control points ({@link ScalePoints#RESOURCE}, data) with this class's own OKLab arithmetic
 * (Ottosson's published matrices), so a mistake in the figures' colour code shows up as a fill that differs.
 */
public final class AuditScale {
    private static final Pattern DIVERGING = Pattern.compile("diverging\\[-([0-9.eE+-]+),([0-9.eE+-]+)]");
    private static final JsonNode POINTS = ScalePoints.json();

    private final String id;
    private final double min;
    private final double max;
    private final double[][] arms;

    private AuditScale(String id, double min, double max, double[][] arms) {
        this.id = id;
        this.min = min;
        this.max = max;
        this.arms = arms;
    }

    /** The scale a {@code data-scale} names, or null when it names none the site defines. */
    public static AuditScale parse(String id) {
        JsonNode seq = POINTS.path("sequential");
        if ("sequential[0,1]".equals(id)) {
            return new AuditScale(id, 0, 1, new double[][] {labOfHex(seq.path("low").asText()), labOfHex(seq.path("high").asText())});
        }
        Matcher m = id == null ? null : DIVERGING.matcher(id);
        if (m != null && m.matches() && m.group(1).equals(m.group(2))) {
            double limit;
            try {
                limit = Double.parseDouble(m.group(1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (!(limit > 0) || Double.isInfinite(limit)) {
                return null;
            }
            JsonNode d = POINTS.path("diverging");
            return new AuditScale(id, -limit, limit, new double[][] {lch(d.path("negative")), lch(d.path("centre")), lch(d.path("positive"))});
        }
        return null;
    }

    /** The fill of causal-masked cells, from the shared definition. */
    public static Srgb maskedFill() {
        return Srgb.parse(POINTS.path("masked").asText());
    }

    public String id() {
        return id;
    }

    public boolean contains(double v) {
        return v >= min && v <= max;
    }

    /** The fill for {@code v}, which must lie in the domain. */
    public Srgb fill(double v) {
        double[] from;
        double[] to;
        double t;
        if (arms.length == 2) {
            from = arms[0];
            to = arms[1];
            t = v;
        } else if (v < 0) {
            from = arms[1];
            to = arms[0];
            t = -v / max;
        } else {
            from = arms[1];
            to = arms[2];
            t = v / max;
        }
        double[] lab = new double[3];
        for (int i = 0; i < 3; i++) {
            lab[i] = from[i] + (to[i] - from[i]) * t;
        }
        return srgbOfLab(lab);
    }

    private static double[] lch(JsonNode n) {
        double h = Math.toRadians(n.path("h").asDouble());
        double c = n.path("C").asDouble();
        return new double[] {n.path("L").asDouble(), c * Math.cos(h), c * Math.sin(h)};
    }

    private static double[] labOfHex(String hex) {
        Srgb c = Srgb.parse(hex);
        double r = Srgb.linear(c.red());
        double g = Srgb.linear(c.green());
        double b = Srgb.linear(c.blue());
        double l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
        double m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
        double s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
        return new double[] {
            0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
            1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
            0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s};
    }

    private static Srgb srgbOfLab(double[] lab) {
        double l = Math.pow(lab[0] + 0.3963377774 * lab[1] + 0.2158037573 * lab[2], 3);
        double m = Math.pow(lab[0] - 0.1055613458 * lab[1] - 0.0638541728 * lab[2], 3);
        double s = Math.pow(lab[0] - 0.0894841775 * lab[1] - 1.2914855480 * lab[2], 3);
        double[] linear = {
            4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
            -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
            -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s};
        int[] out = new int[3];
        for (int i = 0; i < 3; i++) {
            double c = Math.max(0, Math.min(1, linear[i]));
            double encoded = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
            out[i] = (int) Math.round(encoded * 255);
        }
        return new Srgb(out[0], out[1], out[2]);
    }
}
