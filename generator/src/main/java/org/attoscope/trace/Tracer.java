package org.attoscope.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Encoding;
import org.attoscope.model.Explained;
import org.attoscope.model.Explainer;
import org.attoscope.model.FocusResult;
import org.attoscope.model.HeadLinks;
import org.attoscope.model.Tokenizer;
import org.attoscope.util.WorkerPool;

/**
 * Runs the engine over texts and turns every position into a {@link PredictionPoint}.
 *
 * <p>Points go to the worker threads in batches; the output does not depend on the thread count or the batch size,
 * because the engine computes each point with the same operations in the same order wherever it runs.
 */
public final class Tracer implements AutoCloseable {
    /** Points per task: enough rows for the matrix products to reuse weights, small enough to keep two cores busy. */
    static final int BATCH = 32;

    private final AttoGpt engine;
    private final Explainer explainer;
    private final int topn;
    private final WorkerPool pool;

    public Tracer(AttoGpt engine, int topn, int threads) {
        this(engine, topn, threads, false);
    }

    /** @param explain also work out every point's {@link Explanation} (FORMATS.md section 3.1) */
    public Tracer(AttoGpt engine, int topn, int threads, boolean explain) {
        if (topn < 1) {
            throw new IllegalArgumentException("topn must be at least 1");
        }
        this.engine = engine;
        this.explainer = explain ? Explainer.of(engine) : null;
        this.topn = topn;
        this.pool = new WorkerPool("attoscope-tracer", threads);
    }

    public AttoGpt engine() {
        return engine;
    }

    /** A named text to trace. */
    public record Prompt(String name, String text) {
    }

    /** A named text already tokenised (by the engine's tokenizer), so a caller that has the encoding keeps it. */
    public record EncodedPrompt(String name, String text, Encoding encoding) {
    }

    public PromptTrace trace(Prompt prompt) {
        return traceAll(List.of(prompt)).get(0);
    }

    public PromptTrace trace(EncodedPrompt prompt) {
        return traceEncoded(List.of(prompt)).get(0);
    }

    /** All prompts, their batches interleaved on the pool so a corpus of short texts still uses every core. */
    public List<PromptTrace> traceAll(List<Prompt> prompts) {
        Tokenizer tok = engine.tokenizer();
        return traceEncoded(prompts.stream().map(p -> new EncodedPrompt(p.name(), p.text(), tok.encode(p.text()))).toList());
    }

    /** {@link #traceAll} for texts already tokenised. */
    public List<PromptTrace> traceEncoded(List<EncodedPrompt> prompts) {
        Tokenizer tok = engine.tokenizer();
        List<Callable<List<PredictionPoint>>> batches = new ArrayList<>();
        List<Integer> batchesPerPrompt = new ArrayList<>();
        for (EncodedPrompt prompt : prompts) {
            int[] ids = prompt.encoding().ids();
            int before = batches.size();
            for (int from = 0; from < ids.length; from += BATCH) {
                int f = from;
                int to = Math.min(ids.length, from + BATCH);
                batches.add(() -> points(ids, f, to));
            }
            batchesPerPrompt.add(batches.size() - before);
        }
        List<List<PredictionPoint>> done = pool.all(batches);
        List<PromptTrace> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < prompts.size(); i++) {
            List<PredictionPoint> points = new ArrayList<>();
            for (int b = 0; b < batchesPerPrompt.get(i); b++) {
                points.addAll(done.get(next++));
            }
            EncodedPrompt prompt = prompts.get(i);
            List<Integer> ids = prompt.encoding().tokens().stream().map(Encoding.Token::id).toList();
            List<String> tokens = ids.stream().map(tok::word).toList();
            out.add(new PromptTrace(prompt.name(), prompt.text(), ids, tokens, points));
        }
        return out;
    }
    /** Points from..to-1 of one text, on the calling thread. */
    public List<PredictionPoint> points(int[] ids, int from, int to) {
        Tokenizer tok = engine.tokenizer();
        FocusResult[] results = engine.points(ids, from, to);
        int n = results.length;
        List<float[]> logits = new ArrayList<>(n);
        for (FocusResult r : results) {
            logits.add(r.logits());
        }
        List<NextTokenDistribution> dists = NextTokenDistribution.of(logits, tok);
        Explained[] explained = null;
        if (explainer != null) {
            int[][] targets = new int[n][];
            for (int i = 0; i < n; i++) {
                int focus = results[i].focus();
                targets[i] = Explanations.targets(dists.get(i), focus + 1 < ids.length ? ids[focus + 1] : null, tok);
            }
            explained = explainer.explain(ids, results, targets);
        }
        List<PredictionPoint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            FocusResult r = results[i];
            NextTokenDistribution dist = dists.get(i);
            int focus = r.focus();
            List<Prediction> top = dist.top(topn);
            NextToken next = focus + 1 < ids.length ? dist.judge(ids[focus + 1], top) : null;
            Explanation why = explained == null ? null : Explanations.of(r, explained[i], tok);
            out.add(new PredictionPoint(focus, tok.word(ids[focus]), r.contextStart(), links(r.heads()), top, next, why));
        }
        return out;
    }

    private static List<List<AttentionLink>> links(HeadLinks[] heads) {
        List<List<AttentionLink>> out = new ArrayList<>(heads.length);
        for (HeadLinks h : heads) {
            List<AttentionLink> links = new ArrayList<>(h.size());
            for (int i = 0; i < h.size(); i++) {
                links.add(new AttentionLink(h.sources()[i], h.weights()[i]));
            }
            out.add(links);
        }
        return out;
    }

    @Override
    public void close() {
        pool.close();
    }
}
