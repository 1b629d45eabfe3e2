package org.attoscope.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * How every in-process bench case times its work: one warm-up run (so the JIT has compiled the hot loops), then at
 * least three timed runs and at least {@code minSeconds} in all; the median run is the number, since a mean would
 * carry the odd run slowed by the rest of the machine.
 *
 * @param points  what the last run counted
 * @param seconds the median run's time
 * @param runs    how many runs were timed
 */
record Timing(int points, double seconds, int runs) {

    static Timing median(IntSupplier work, double minSeconds) {
        work.getAsInt();
        List<Double> times = new ArrayList<>();
        int points = 0;
        double total = 0;
        while (times.size() < 3 || total < minSeconds) {
            long t0 = System.nanoTime();
            points = work.getAsInt();
            double s = (System.nanoTime() - t0) / 1e9;
            times.add(s);
            total += s;
        }
        double[] sorted = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Timing(points, sorted[sorted.length / 2], sorted.length);
    }
}
