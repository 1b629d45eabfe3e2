package org.attoscope.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.FocusResult;
import org.attoscope.model.ModelConfig;
import org.attoscope.model.ReferenceForward;
import org.attoscope.trace.NextTokenDistribution;
import org.attoscope.trace.Tracer;

/**
 * Prediction points per second: the engine against the per-focus recomputation a live explorer does, on the long
 * reference story and on a synthetic corpus, in one run and on the same machine.
 *
 * <p>A point counts when its attention links, top-n predictions and next-token judgement exist, the same work for
 * both sides. GFLOP/s counts the useful arithmetic of a point (its own q/k/v row, attention over its window, the
 * dense layers and the logits), not the keys and values the baseline recomputes, so it is a fair rate for both.
 */
public final class Bench {
    private final AttoGpt engine;
    private final ReferenceForward baseline;
    private final int threads;
    private final double minSeconds;
    private final PrintWriter out;

    public Bench(AttoGpt engine, ReferenceForward baseline, int threads, double minSeconds, PrintWriter out) {
        this.engine = engine;
        this.baseline = baseline;
        this.threads = threads;
        this.minSeconds = minSeconds;
        this.out = out;
    }

    /** One measured case. */
    public record Result(String name, int points, double seconds, double pointsPerSecond, double gflops) {
    }

    public List<Result> run(int corpusSize, int baselineSample) {
        List<Result> results = new ArrayList<>();
        String longStory = resource("/bench/long-story.txt");
        List<String> corpus = SyntheticCorpus.generate(corpusSize, 2024);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < baselineSample && i < corpus.size(); i++) {
            sample.add(corpus.get(i * Math.max(1, corpus.size() / baselineSample)));
        }
        int[] longIds = engine.tokenizer().encode(longStory).ids();
        out.printf("long story: %d tokens; corpus: %d stories, %d tokens; baseline corpus sample: %d stories%n",
                longIds.length, corpus.size(), tokens(corpus), sample.size());

        try (Tracer one = new Tracer(engine, 20, 1); Tracer all = new Tracer(engine, 20, threads)) {
            results.add(measure("long story, engine, 1 thread", () -> tracePoints(one, List.of(longStory)), List.of(longStory)));
            results.add(measure("long story, engine, " + threads + " threads", () -> tracePoints(all, List.of(longStory)), List.of(longStory)));
            results.add(measure("long story, per-focus baseline, 1 thread", () -> baselinePoints(List.of(longStory), 1), List.of(longStory)));
            results.add(measure("long story, per-focus baseline, " + threads + " threads", () -> baselinePoints(List.of(longStory), threads), List.of(longStory)));
            results.add(measure("corpus, engine, " + threads + " threads", () -> tracePoints(all, corpus), corpus));
            results.add(measure("corpus sample, engine, " + threads + " threads", () -> tracePoints(all, sample), sample));
            results.add(measure("corpus sample, per-focus baseline, " + threads + " threads", () -> baselinePoints(sample, threads), sample));
        }
        out.printf("speed-up, long story (%d threads each): %.1fx; corpus sample: %.1fx%n", threads,
                results.get(1).pointsPerSecond() / results.get(3).pointsPerSecond(),
                results.get(5).pointsPerSecond() / results.get(6).pointsPerSecond());
        return results;
    }

    /** The corpus case alone (the figure), without the slow baseline: quick enough to alternate old and new jars. */
    public Result runCorpus(int corpusSize) {
        List<String> corpus = SyntheticCorpus.generate(corpusSize, 2024);
        out.printf("corpus: %d stories, %d tokens%n", corpus.size(), tokens(corpus));
        try (Tracer all = new Tracer(engine, 20, threads)) {
            return measure("corpus, engine, " + threads + " threads", () -> tracePoints(all, corpus), corpus);
        }
    }

    private int tracePoints(Tracer tracer, List<String> texts) {
        List<Tracer.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            prompts.add(new Tracer.Prompt("s" + i, texts.get(i)));
        }
        return tracer.traceAll(prompts).stream().mapToInt(t -> t.points().size()).sum();
    }

    /** The baseline, parallel over points so the comparison is about the algorithm, not the core count. */
    private int baselinePoints(List<String> texts, int nThreads) {
        ExecutorService pool = Executors.newFixedThreadPool(nThreads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (String text : texts) {
                int[] ids = engine.tokenizer().encode(text).ids();
                for (int t = 0; t < nThreads; t++) {
                    int first = t;
                    futures.add(pool.submit(() -> {
                        int n = 0;
                        for (int p = first; p < ids.length; p += nThreads) {
                            FocusResult r = baseline.forwardFocus(ids, p);
                            NextTokenDistribution d = new NextTokenDistribution(r.logits(), engine.tokenizer());
                            d.top(20);
                            if (p + 1 < ids.length) {
                                d.judge(ids[p + 1]);
                            }
                            n++;
                        }
                        return n;
                    }));
                }
            }
            int n = 0;
            for (Future<Integer> f : futures) {
                n += f.get();
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Result measure(String name, IntSupplier work, List<String> texts) {
        Timing t = Timing.median(work, minSeconds);
        int points = t.points();
        double median = t.seconds();
        double flops = usefulFlops(texts);
        Result r = new Result(name, points, median, points / median, flops / median / 1e9);
        out.printf("%-48s %7d points  %9.4f s  %10.0f points/s  %6.2f GFLOP/s  (median of %d)%n",
                r.name(), r.points(), r.seconds(), r.pointsPerSecond(), r.gflops(), t.runs());
        out.flush();
        return r;
    }

    private double usefulFlops(List<String> texts) {
        ModelConfig c = engine.config();
        double perPointDense = 2.0 * (3L * c.width() * c.width() + (long) c.width() * c.width()
                + 2L * c.width() * c.hidden() + (long) c.width() * c.vocabSize());
        double flops = 0;
        for (String text : texts) {
            int n = engine.tokenizer().encode(text).size();
            for (int p = 0; p < n; p++) {
                int window = Math.min(p + 1, c.blockSize());
                flops += perPointDense + 2.0 * c.width() * window + 2.0 * c.width() * Math.min(window, c.topkAttn());
            }
        }
        return flops;
    }

    private int tokens(List<String> texts) {
        return texts.stream().mapToInt(t -> engine.tokenizer().encode(t).size()).sum();
    }

    static String resource(String path) {
        try (InputStream in = Bench.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
