package org.attoscope.model;

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
public final class EditDistance {
    private EditDistance() {
    }

    public static int between(String a, String b) {
        return atMost(a, b, Math.max(a.length(), b.length()));
    }

    /**
     * The distance when it is at most {@code limit}, else {@code limit + 1}, in O(limit * length) time: only the band of
     * cells within {@code limit} of the diagonal can stay under the limit, and a row whose band is all above it ends the
     * search. Two strings whose lengths differ by more than the limit cost nothing to rule out.
     */
    public static int atMost(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit) {
            return limit + 1;
        }
        int over = limit + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j <= limit ? j : over;
        }
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(b.length(), i + limit);
            cur[0] = i <= limit ? i : over;
            if (from > 1) {
                cur[from - 1] = over;
            }
            int best = cur[0];
            for (int j = from; j <= to; j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                int v = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
                cur[j] = Math.min(v, over);
                best = Math.min(best, cur[j]);
            }
            if (to < b.length()) {
                cur[to + 1] = over;
            }
            if (best > limit) {
                return over;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[b.length()], over);
    }
}
