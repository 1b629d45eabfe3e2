package org.attoscope.verify;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.attoscope.pages.Addresses;
import org.attoscope.pages.PageRenderer;

/**
 * {@code verification/index.html}: the report for a reader, written by the site's template {@code verification}
 * in the site's layout. It links every page it describes, and is itself checked after it is written.
 */
final class ReportPage {
    static final String TEMPLATE = "verification";

    private ReportPage() {
    }

    /** The phrases the template computes from the report: what the code decides, the template writes. */
    public static final class Format {
        /** The same report as data, linked from the page. */
        public String json() {
            return Addresses.link(Addresses.VERIFICATION, Addresses.VERIFICATION_JSON);
        }

        /** A page the report describes, linked from the report. */
        public String link(String path) {
            return Addresses.link(Addresses.VERIFICATION, path);
        }

        /** A count as the rest of the site writes one, in groups of three: {@code 13,793}. */
        public String count(long n) {
            return String.format(Locale.ROOT, "%,d", n);
        }

        /** A contrast ratio as WCAG writes it: {@code 4.50:1}. */
        public String ratio(double r) {
            return String.format(Locale.ROOT, "%.2f:1", r);
        }

        /** How a capture's re-run went: {@code identical (12 tensors bit for bit)}, or why it was skipped. */
        public String replay(CaptureReport c) {
            return c.replay() + (c.skippedBecause() != null ? ": " + c.skippedBecause()
                    : c.replay().equals("identical") ? " (" + c.tensorsReplayed() + " tensors bit for bit)" : "");
        }
    }

    /** The page, in the site's own layout. */
    static byte[] write(VerificationReport report, PageRenderer pages) {
        return pages.render(Addresses.VERIFICATION, TEMPLATE, Map.of("verification", report, "format", new Format()));
    }

    static List<String> files() {
        return List.of(Addresses.VERIFICATION, Addresses.VERIFICATION_JSON);
    }
}
