package org.attoscope.model;

/** The k largest of n scores, largest first; of equal scores the earlier position wins, as in the published model. */
final class TopK {
    private TopK() {
    }

    /** Fills {@code idx} and {@code val} with up to k entries and returns how many. */
    static int select(double[] scores, int n, int k, int[] idx, double[] val) {
        int size = 0;
        for (int t = 0; t < n; t++) {
            double s = scores[t];
            int pos = size;
            while (pos > 0 && s > val[pos - 1]) {
                pos--;
            }
            if (pos >= k) {
                continue;
            }
            int last = Math.min(size, k - 1);
            for (int i = last; i > pos; i--) {
                idx[i] = idx[i - 1];
                val[i] = val[i - 1];
            }
            idx[pos] = t;
            val[pos] = s;
            if (size < k) {
                size++;
            }
        }
        return size;
    }
}
