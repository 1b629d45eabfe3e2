package org.attoscope.verify;

import java.nio.charset.StandardCharsets;

/** Where a report on disk first differs from the one a verification produces, as a line for a finding. */
final class ReportDifference {
    private ReportDifference() {
    }

    /** Null when equal. */
    static String first(byte[] onDisk, byte[] now) {
        if (java.util.Arrays.equals(onDisk, now)) {
            return null;
        }
        String[] a = new String(onDisk, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = new String(now, StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(end of file)";
            String y = i < b.length ? b[i] : "(end of file)";
            if (!x.equals(y)) {
                return "line " + (i + 1) + " is \"" + clip(x) + "\" on disk, \"" + clip(y) + "\" from this verification";
            }
        }
        return "the bytes differ";
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }
}
