package org.attoscope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The CPU time this process spends, split by who spent it: the JIT's compiler threads, the garbage collector's
 * threads, and everything else (the program's own). Read from Linux's per-thread counters in {@code /proc/self/task}.
 *
 * <p>JFR's execution samples see only threads running Java code, so they cannot say how much of a run the compiler
 * and the collector took; these counters can. A thread's counters vanish when it ends (the build's workers, and the
 * compiler threads HotSpot stops when idle), so the threads are read every half second and each keeps the most it
 * was seen to have used; the process's own total ({@code /proc/self/stat}) counts the ended ones too.
 */
final class ThreadCpu implements AutoCloseable {
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final Path PROCESS = Path.of("/proc/self/stat");
    /** Linux's clock ticks per second for these counters ({@code USER_HZ}), 100 on every mainstream build. */
    private static final double TICKS_PER_SECOND = 100;

    /** One thread's counters: its name and its user plus system time, in seconds. */
    record Reading(String name, double seconds) {
    }

    /** A run's CPU by role, in seconds; {@code rest} is the process's total less the compiler's and the collector's. */
    record Split(double total, double c2, double c1, double collector) {
        double compiling() {
            return c2 + c1;
        }

        double rest() {
            return total - c2 - c1 - collector;
        }
    }

    private final Map<String, Reading> seen = new HashMap<>();
    private final ScheduledExecutorService reader;

    /** Starts watching; {@link #available()} says whether this system has the counters. */
    ThreadCpu() {
        reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "attoscope-bench-thread-cpu");
            t.setDaemon(true);
            return t;
        });
        if (available()) {
            reader.scheduleAtFixedRate(this::readAll, 0, 500, TimeUnit.MILLISECONDS);
        }
    }

    static boolean available() {
        return Files.isDirectory(TASKS) && Files.isReadable(PROCESS);
    }

    /**
     * Parses one line of {@code /proc/.../stat}: the name is between the first '(' and the last ')' (a name may hold
     * spaces and parentheses), and user and system time are the 12th and 13th fields after it.
     */
    static Optional<Reading> parse(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] f = stat.substring(close + 1).trim().split("\\s+");
        if (f.length < 13) {
            return Optional.empty();
        }
        try {
            double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return Optional.of(new Reading(stat.substring(open + 1, close), ticks / TICKS_PER_SECOND));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Sums threads by role, HotSpot's names: "C2 CompilerThre..", "C1 CompilerThre..", "G1 ..", "GC Thread#..". */
    static Split split(double total, Iterable<Reading> threads) {
        double c2 = 0;
        double c1 = 0;
        double collector = 0;
        for (Reading r : threads) {
            if (r.name().startsWith("C2 ")) {
                c2 += r.seconds();
            } else if (r.name().startsWith("C1 ")) {
                c1 += r.seconds();
            } else if (r.name().startsWith("G1 ") || r.name().startsWith("GC ")) {
                collector += r.seconds();
            }
        }
        return new Split(total, c2, c1, collector);
    }

    /** Stops watching and gives the split so far; empty where the counters are not there. */
    Optional<Split> finish() {
        reader.shutdownNow();
        if (!available()) {
            return Optional.empty();
        }
        readAll();
        Optional<Reading> process = read(PROCESS);
        synchronized (seen) {
            return process.map(p -> split(p.seconds(), seen.values()));
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }

    private void readAll() {
        try (Stream<Path> tasks = Files.list(TASKS)) {
            for (Path task : tasks.toList()) {
                read(task.resolve("stat")).ifPresent(r -> {
                    synchronized (seen) {
                        seen.merge(task.getFileName().toString(), r, (a, b) -> b.seconds() >= a.seconds() ? b : a);
                    }
                });
            }
        } catch (IOException e) {
            // the listing races with threads that end; the next reading covers them
        }
    }

    private static Optional<Reading> read(Path stat) {
        try {
            return parse(Files.readString(stat));
        } catch (IOException e) {
            return Optional.empty(); // the thread ended between the listing and the read
        }
    }
}
