package org.attoscope.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.Tokenizer;
import org.attoscope.trace.Tracer;
import org.attoscope.util.WorkerPool;
import org.attoscope.verify.audit.PlainForward;

/**
 * Prediction points per second with and without {@code explain} (FORMATS.md section 3.1), on the seeded synthetic
 * corpus, in one run: the plain trace is the baseline the explained one is compared with.
 *
 * <p>An explained point carries, besides its links and predictions, the parts of four logits and the full
 * distribution of every counterfactual: each head off, dense attention, and each kept link dropped (up to 13 extra
 * rows through the MLP and the logits).
 *
 * <p>The third case is what the verifier pays for the same points: its independent forward pass in double
 * ({@link PlainForward}), every point with its counterfactual rows, on the same threads. Its four target words are
 * fixed here (the verifier takes a page's own), which costs the same: a target's parts are a few dot products.
 */
public final class ExplainBench {
    private final ModelBundle bundle;
    private final AttoGpt engine;
    private final int threads;
    private final double minSeconds;
    private final PrintWriter out;

    public ExplainBench(ModelBundle bundle, int threads, double minSeconds, PrintWriter out) {
        this.bundle = bundle;
        this.engine = new AttoGpt(bundle);
        this.threads = threads;
        this.minSeconds = minSeconds;
        this.out = out;
    }

    /** One measured case. */
    public record Result(String name, int points, double seconds, double pointsPerSecond) {
    }

    /** A point's explain targets for the verifier's case: four ordinary words' ids. */
    private static final int[] AUDIT_TARGETS = {10, 20, 30, 40};

    public List<Result> run(int corpusSize) {
        List<String> corpus = SyntheticCorpus.generate(corpusSize, 2024);
        List<Tracer.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            prompts.add(new Tracer.Prompt("s" + i, corpus.get(i)));
        }
        out.printf("corpus: %d stories; %d threads%n", corpus.size(), threads);
        List<Result> results = new ArrayList<>();
        try (Tracer plain = new Tracer(engine, 20, threads); Tracer explained = new Tracer(engine, 20, threads, true)) {
            results.add(measure("corpus, points, " + threads + " threads", () -> count(plain, prompts)));
            results.add(measure("corpus, points --explain, " + threads + " threads", () -> count(explained, prompts)));
        }
        PlainForward audit = new PlainForward(bundle);
        Tokenizer tokenizer = bundle.tokenizer();
        List<Callable<Integer>> stories = corpus.stream()
                .map(text -> (Callable<Integer>) () -> audit.run(tokenizer.encode(text).ids(), 20, focus -> AUDIT_TARGETS).size())
                .toList();
        try (WorkerPool pool = new WorkerPool("attoscope-bench-audit", threads)) {
            results.add(measure("corpus, verifier's forward pass, " + threads + " threads",
                    () -> pool.all(stories).stream().mapToInt(Integer::intValue).sum()));
        }
        out.printf("explain costs %.1fx the plain trace; the verifier's forward pass %.1fx the explained one%n",
                results.get(0).pointsPerSecond() / results.get(1).pointsPerSecond(),
                results.get(1).pointsPerSecond() / results.get(2).pointsPerSecond());
        out.flush();
        return results;
    }

    private static int count(Tracer tracer, List<Tracer.Prompt> prompts) {
        return tracer.traceAll(prompts).stream().mapToInt(t -> t.points().size()).sum();
    }

    private Result measure(String name, IntSupplier work) {
        Timing t = Timing.median(work, minSeconds);
        int points = t.points();
        double median = t.seconds();
        Result r = new Result(name, points, median, points / median);
        out.printf("%-44s %7d points  %9.3f s  %10.0f points/s  (median of %d)%n", r.name(), r.points(), r.seconds(),
                r.pointsPerSecond(), t.runs());
        out.flush();
        return r;
    }
}
