package org.attoscope.verify.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.attoscope.model.ModelBundle;
import org.attoscope.model.ModelConfig;

/**
 * attoGPT's forward pass written plainly from the architecture (FORMATS.md section 2), for the verifier: a second
 * opinion on what the fast engine computed, sharing none of its code (no folded norms, no projection tables, no
 * kernels). Each window's rows are embedded, normalised and projected through the full {@code qkv} matrix; each point
 * attends over its own window, keeps its top-k scores, and runs the rest of the block and the tied logits. Everything
 * is double; results agree with the float32 engine to float tolerance, never bit for bit.
 *
 * <p>Every matrix product goes through {@link ByInput}, the verifier's own product written in the shape the JIT
 * turns into vector instructions, over batches of rows: a window's keys and values in one product, the layers after
 * attention for the rows of several points (each point's main row and, with section 3.1, its counterfactual rows)
 * in one product, so each weight is read once per batch. Keys and values are shared by the points of one window (the
 * first 128 positions); a sliding window, whose positions all move, makes its own.
 */
public final class PlainForward {
    /** The three tokens FORMATS.md section 3 leaves out of predictions. */
    static final List<String> EXCLUDED = List.of("<pad>", "<bos>", "<unk>");
    private static final double EPS = 1e-6;
    /**
     * Rows that go through the layers after attention together: each tile of a weight matrix is read once per batch.
     * Measured on one thread over 40 explained synthetic stories (2026-12-02): 128 rows 893 to 912 points/s, 64 rows
     * 825 to 828, 256 rows no faster than 128 (and four times 64's 2 MB of logits per thread); the same values at
     * each size, since every row's arithmetic is its own.
     */
    private static final int BATCH_ROWS = 128;
    /** FORMATS.md section 3.1: a head-off or dense re-run lists its five most probable words. */
    private static final int ABLATION_PREDICTIONS = 5;
    /** Words kept past the fifth, so that a near-tie at the fifth place is recognised as one ({@link ExplainAudit}). */
    private static final int ABLATION_RUNNERS_UP = 5;

    private final int vocab;
    private final int block;
    private final int width;
    private final int heads;
    private final int headWidth;
    private final int hidden;
    private final int topk;
    private final float[] tok;
    private final float[] pos;
    private final float[] ln1;
    private final float[] ln2;
    private final float[] lnF;
    private final ByInput query;
    private final ByInput key;
    private final ByInput value;
    private final ByInput proj;
    private final ByInput fc;
    private final ByInput mlpOut;
    private final ByInput unembed;
    private final boolean[] excluded;
    /** The excluded words' ids, ascending. */
    private final int[] excludedIds;

    public PlainForward(ModelBundle bundle) {
        ModelConfig c = bundle.config();
        vocab = c.vocabSize();
        block = c.blockSize();
        width = c.width();
        heads = c.heads();
        headWidth = width / heads;
        hidden = c.hidden();
        topk = c.topkAttn();
        tok = bundle.tensor("tok_emb.weight");
        pos = bundle.tensor("pos_emb.weight");
        ln1 = bundle.tensor("block.ln1.weight");
        ln2 = bundle.tensor("block.ln2.weight");
        lnF = bundle.tensor("ln_f.weight");
        float[] qkv = bundle.tensor("block.attn.qkv.weight");
        query = ByInput.of(qkv, 0, width, width);
        key = ByInput.of(qkv, width, width, width);
        value = ByInput.of(qkv, 2 * width, width, width);
        proj = ByInput.of(bundle.tensor("block.attn.proj.weight"), 0, width, width);
        fc = ByInput.of(bundle.tensor("block.mlp.fc.weight"), 0, hidden, width);
        mlpOut = ByInput.of(bundle.tensor("block.mlp.proj.weight"), 0, width, hidden);
        unembed = ByInput.of(tok, 0, vocab, width);
        excluded = new boolean[vocab];
        for (int id = 0; id < vocab; id++) {
            excluded[id] = EXCLUDED.contains(bundle.tokenizer().word(id));
        }
        excludedIds = IntStream.range(0, vocab).filter(id -> excluded[id]).toArray();
    }

    public int heads() {
        return heads;
    }

    public boolean inVocabulary(int id) {
        return id >= 0 && id < vocab;
    }

    public boolean excluded(int id) {
        return id < 0 || id >= vocab || excluded[id];
    }

    /**
     * Every point of a text.
     *
     * @param ids     the token ids, {@code <bos>} first
     * @param top     how many predictions to keep per point
     * @param targets for FORMATS.md section 3.1, the target ids of a point (by focus), or null for no explain there;
     *                {@code targets} itself may be null
     */
    public List<PlainPoint> run(int[] ids, int top, IntFunction<int[]> targets) {
        for (int id : ids) {
            if (id < 0 || id >= vocab) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + vocab);
            }
        }
        List<PlainPoint> out = new ArrayList<>(ids.length);
        Window first = ids.length == 0 ? null : new Window(ids, 0, Math.min(ids.length, block));
        Batch batch = new Batch();
        for (int focus = 0; focus < ids.length; focus++) {
            Window w = focus < block ? first : new Window(ids, focus - block + 1, block);
            int[] t = targets == null ? null : targets.apply(focus);
            batch.add(attend(w, focus - w.start, ids, t));
            if (batch.rows() >= BATCH_ROWS) {
                batch.finish(ids, top, out);
            }
        }
        batch.finish(ids, top, out);
        return out;
    }

    /** One window: its rows' embeddings, normalised, and every row's key and value. */
    private final class Window {
        final int start;
        final int length;
        final double[][] x;
        final double[][] normed;
        final double[][] k;
        final double[][] v;

        Window(int[] ids, int start, int length) {
            this.start = start;
            this.length = length;
            x = new double[length][width];
            normed = new double[length][];
            for (int r = 0; r < length; r++) {
                int id = ids[start + r];
                for (int i = 0; i < width; i++) {
                    x[r][i] = (double) tok[id * width + i] + pos[r * width + i];
                }
                normed[r] = rmsNorm(x[r], ln1);
            }
            k = key.times(normed);
            v = value.times(normed);
        }

        double[] key(int r) {
            return k[r];
        }

        double[] value(int r) {
            return v[r];
        }
    }

    /** The attention of one point, and the rows (of head outputs) the rest of the block must run. */
    private final class Attended {
        final int focus;
        final int contextStart;
        final int local;
        final double[] x;
        final int[] targets;
        final List<List<PlainPoint.Link>> links = new ArrayList<>();
        final double[] margins = new double[heads];
        final List<double[]> headOut = new ArrayList<>();
        final List<List<double[]>> linkParts = new ArrayList<>();
        final List<double[]> rows = new ArrayList<>();
        final List<String> rowNames = new ArrayList<>();
        final List<int[]> dropOf = new ArrayList<>();

        Attended(int focus, int contextStart, int local, double[] x, int[] targets) {
            this.focus = focus;
            this.contextStart = contextStart;
            this.local = local;
            this.x = x;
            this.targets = targets;
        }
    }

    /*
     * The steps of one point's attention are separate methods on purpose: written as one, the method is large enough
     * that C2 spends seconds compiling it (measured: 2 to 5 s, three times over, in a cold build), during which every
     * other hot method of the build waits in slower code.
     */
    private Attended attend(Window w, int local, int[] ids, int[] targets) {
        Attended a = new Attended(w.start + local, w.start, local, w.x[local], targets);
        double[] q = query.times(w.normed[local]);
        int n = local + 1;
        double[][] scores = new double[heads][];
        double[][] kept = new double[heads][];
        int[][] keptAt = new int[heads][];
        for (int h = 0; h < heads; h++) {
            scores[h] = scores(w, q, h * headWidth, n);
            keptAt[h] = largest(scores[h], Math.min(topk, n));
            a.margins[h] = margin(scores[h], keptAt[h]);
            kept[h] = softmax(scores[h], keptAt[h]);
            List<PlainPoint.Link> links = new ArrayList<>();
            for (int i = 0; i < keptAt[h].length; i++) {
                links.add(new PlainPoint.Link(w.start + keptAt[h][i], kept[h][i]));
            }
            a.links.add(links);
            a.headOut.add(headOutput(w, h * headWidth, keptAt[h], kept[h]));
        }
        a.rows.add(concat(a.headOut));
        a.rowNames.add("main");
        if (targets != null) {
            linkParts(a, w, kept, keptAt);
            headsOff(a);
            denseRow(a, w, scores, n);
            dropRows(a, w, kept, keptAt);
        }
        return a;
    }

    /** Head {@code hb}'s scaled scores of the first {@code n} rows of the window. */
    private double[] scores(Window w, double[] q, int hb, int n) {
        double scale = 1 / Math.sqrt(headWidth);
        double[] scores = new double[n];
        for (int t = 0; t < n; t++) {
            double[] key = w.key(t);
            double s = 0;
            for (int j = 0; j < headWidth; j++) {
                s += q[hb + j] * key[hb + j];
            }
            scores[t] = s * scale;
        }
        return scores;
    }

    /** The positions of the {@code keep} largest scores, largest first, ties to the earlier position. */
    private static int[] largest(double[] scores, int keep) {
        int n = scores.length;
        boolean[] taken = new boolean[n];
        int[] at = new int[keep];
        for (int i = 0; i < keep; i++) {
            int best = -1;
            for (int t = 0; t < n; t++) {
                if (!taken[t] && (best < 0 || scores[t] > scores[best])) {
                    best = t;
                }
            }
            taken[best] = true;
            at[i] = best;
        }
        return at;
    }

    /** How far the smallest kept score lies above the largest dropped one; infinite when none was dropped. */
    private static double margin(double[] scores, int[] kept) {
        boolean[] taken = new boolean[scores.length];
        for (int t : kept) {
            taken[t] = true;
        }
        double dropped = Double.NEGATIVE_INFINITY;
        for (int t = 0; t < scores.length; t++) {
            if (!taken[t]) {
                dropped = Math.max(dropped, scores[t]);
            }
        }
        return scores[kept[kept.length - 1]] - dropped;
    }

    /** Each kept link's part of the residual: its weighted value alone in its head's slice, through the projection. */
    private void linkParts(Attended a, Window w, double[][] kept, int[][] keptAt) {
        List<double[]> alone = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            int hb = h * headWidth;
            for (int i = 0; i < keptAt[h].length; i++) {
                double[] one = new double[width];
                double[] value = w.value(keptAt[h][i]);
                for (int j = 0; j < headWidth; j++) {
                    one[hb + j] = kept[h][i] * value[hb + j];
                }
                alone.add(one);
            }
        }
        double[][] parts = proj.times(alone.toArray(new double[0][]));
        for (int h = 0, at = 0; h < heads; h++) {
            a.linkParts.add(List.of(parts).subList(at, at + keptAt[h].length));
            at += keptAt[h].length;
        }
    }

    /** The ablations that switch one head off: its output zero, the other heads' as they are. */
    private void headsOff(Attended a) {
        for (int off = 0; off < heads; off++) {
            List<double[]> outs = new ArrayList<>(a.headOut);
            outs.set(off, new double[headWidth]);
            a.rows.add(concat(outs));
            a.rowNames.add("head" + off + "_off");
        }
    }

    /** The ablation without top-k: every head attends over every row of its window. */
    private void denseRow(Attended a, Window w, double[][] scores, int n) {
        int[] all = new int[n];
        for (int t = 0; t < n; t++) {
            all[t] = t;
        }
        List<double[]> dense = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            dense.add(headOutput(w, h * headWidth, all, softmax(scores[h], all)));
        }
        a.rows.add(concat(dense));
        a.rowNames.add("dense");
    }

    /** For each kept link, the head's output without it, the other kept weights renormalised to sum to 1. */
    private void dropRows(Attended a, Window w, double[][] kept, int[][] keptAt) {
        for (int h = 0; h < heads; h++) {
            for (int drop = 0; drop < keptAt[h].length; drop++) {
                int[] rest = new int[keptAt[h].length - 1];
                double[] restWeights = new double[rest.length];
                double left = 0;
                for (int i = 0, j = 0; i < keptAt[h].length; i++) {
                    if (i != drop) {
                        rest[j] = keptAt[h][i];
                        restWeights[j] = kept[h][i];
                        left += kept[h][i];
                        j++;
                    }
                }
                for (int j = 0; j < rest.length; j++) {
                    restWeights[j] /= left;
                }
                List<double[]> outs = new ArrayList<>(a.headOut);
                outs.set(h, headOutput(w, h * headWidth, rest, restWeights));
                a.rows.add(concat(outs));
                a.rowNames.add("drop");
                a.dropOf.add(new int[] {h, drop});
            }
        }
    }

    private double[] headOutput(Window w, int hb, int[] at, double[] weights) {
        double[] out = new double[headWidth];
        for (int i = 0; i < at.length; i++) {
            double[] value = w.value(at[i]);
            for (int j = 0; j < headWidth; j++) {
                out[j] += weights[i] * value[hb + j];
            }
        }
        return out;
    }

    private static double[] softmax(double[] scores, int[] at) {
        double max = Double.NEGATIVE_INFINITY;
        for (int t : at) {
            max = Math.max(max, scores[t]);
        }
        double[] e = new double[at.length];
        double sum = 0;
        for (int i = 0; i < at.length; i++) {
            e[i] = Math.exp(scores[at[i]] - max);
            sum += e[i];
        }
        for (int i = 0; i < e.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    /** Points waiting for the layers after attention, run together. */
    private final class Batch {
        private final List<Attended> points = new ArrayList<>();
        /** This run's normaliser and its scratch: one forward pass serves every thread, each with its own runs. */
        private final PlainExp exp = new PlainExp(vocab, excludedIds);
        /** This run's logits, batch after batch: read only while the batch's points are made from them. */
        private double[][] logits = new double[0][];
        private int rows;

        void add(Attended a) {
            points.add(a);
            rows += a.rows.size();
        }

        int rows() {
            return rows;
        }

        void finish(int[] ids, int top, List<PlainPoint> out) {
            if (points.isEmpty()) {
                return;
            }
            double[][] x = new double[rows][];
            double[][] mixed = new double[rows][];
            int r = 0;
            for (Attended a : points) {
                for (double[] row : a.rows) {
                    x[r] = a.x;
                    mixed[r++] = row;
                }
            }
            if (logits.length < rows) {
                int had = logits.length;
                logits = Arrays.copyOf(logits, rows);
                for (int i = had; i < rows; i++) {
                    logits[i] = new double[vocab];
                }
            }
            Block result = afterAttention(x, mixed, logits);
            r = 0;
            for (Attended a : points) {
                out.add(point(a, result, r, ids, top, exp));
                r += a.rows.size();
            }
            points.clear();
            rows = 0;
        }
    }

    /**
     * What the rest of the block gives for each row: the MLP's output, the final residual's rms, the logits (in the
     * batch's own rows, which the next batch overwrites).
     */
    private record Block(double[][] mlp, double[] finalRms, double[][] logits) {
    }

    private Block afterAttention(double[][] x, double[][] mixed, double[][] logits) {
        int n = x.length;
        double[][] attn = proj.times(mixed);
        double[][] resid = new double[n][width];
        double[][] normed = new double[n][];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < width; i++) {
                resid[r][i] = x[r][i] + attn[r][i];
            }
            normed[r] = rmsNorm(resid[r], ln2);
        }
        double[][] h = fc.times(normed);
        for (double[] row : h) {
            for (int i = 0; i < hidden; i++) {
                row[i] = PlainErf.gelu(row[i]);
            }
        }
        double[][] mlp = mlpOut.times(h);
        double[] rms = new double[n];
        double[][] fin = new double[n][];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < width; i++) {
                resid[r][i] += mlp[r][i];
            }
            rms[r] = rms(resid[r]);
            fin[r] = new double[width];
            for (int i = 0; i < width; i++) {
                fin[r][i] = resid[r][i] / rms[r] * lnF[i];
            }
        }
        return new Block(mlp, rms, unembed.times(fin, logits));
    }

    private PlainPoint point(Attended a, Block b, int row, int[] ids, int top, PlainExp exp) {
        double[] logits = b.logits[row];
        Softmax probs = probabilities(logits, exp);
        PlainPoint.Judged next = null;
        if (a.focus + 1 < ids.length) {
            int id = ids[a.focus + 1];
            next = excluded[id] ? new PlainPoint.Judged(id, null, 0, 0, 0)
                    : new PlainPoint.Judged(id, rank(logits, id), probs.prob(id), rankWithin(logits, id, Tolerances.TIE),
                            rankWithin(logits, id, -Tolerances.TIE));
        }
        PlainPoint.Explain explain = null;
        if (a.targets != null) {
            explain = explain(a, b, row, ids, exp);
        }
        return new PlainPoint(a.focus, a.contextStart, a.links, a.margins, best(logits, probs, top), next, explain);
    }

    private PlainPoint.Explain explain(Attended a, Block b, int row, int[] ids, PlainExp exp) {
        Map<String, PlainPoint.Ablation> ablations = new LinkedHashMap<>();
        List<List<PlainPoint.LinkDrop>> drops = new ArrayList<>();
        for (int h = 0; h < heads; h++) {
            drops.add(new ArrayList<>());
        }
        int dropIndex = 0;
        for (int r = 1; r < a.rows.size(); r++) {
            double[] logits = b.logits[row + r];
            Softmax probs = probabilities(logits, exp);
            double[] targetProbs = new double[a.targets.length];
            for (int t = 0; t < targetProbs.length; t++) {
                targetProbs[t] = probs.prob(a.targets[t]);
            }
            String name = a.rowNames.get(r);
            if (name.equals("drop")) {
                int[] hd = a.dropOf.get(dropIndex++);
                drops.get(hd[0]).add(new PlainPoint.LinkDrop(a.links.get(hd[0]).get(hd[1]).source(), targetProbs));
            } else {
                List<PlainPoint.Candidate> best = best(logits, probs, ABLATION_PREDICTIONS + ABLATION_RUNNERS_UP);
                int shown = Math.min(ABLATION_PREDICTIONS, best.size());
                ablations.put(name, new PlainPoint.Ablation(List.copyOf(best.subList(0, shown)),
                        List.copyOf(best.subList(shown, best.size())), targetProbs));
            }
        }
        return new PlainPoint.Explain(b.finalRms[row], targets(a, b, row, ids), ablations, drops);
    }

    /** Each target's logit, split into the parts of the residual that make it. */
    private List<PlainPoint.Target> targets(Attended a, Block b, int row, int[] ids) {
        double rms = b.finalRms[row];
        double[] tokenPart = new double[width];
        double[] positionPart = new double[width];
        for (int i = 0; i < width; i++) {
            tokenPart[i] = tok[ids[a.focus] * width + i];
            positionPart[i] = pos[a.local * width + i];
        }
        List<PlainPoint.Target> targets = new ArrayList<>();
        for (int id : a.targets) {
            List<List<Double>> perHead = new ArrayList<>();
            for (List<double[]> parts : a.linkParts) {
                List<Double> h = new ArrayList<>();
                for (double[] p : parts) {
                    h.add(project(p, id, rms));
                }
                perHead.add(h);
            }
            targets.add(new PlainPoint.Target(id, b.logits[row][id], project(tokenPart, id, rms), project(positionPart, id, rms),
                    project(b.mlp[row], id, rms), perHead));
        }
        return targets;
    }

    /** A residual part's share of target {@code id}'s logit: {@code E_id . (g_f * part) / final_rms}. */
    private double project(double[] part, int id, double rms) {
        double s = 0;
        for (int i = 0; i < width; i++) {
            s += (double) tok[id * width + i] * lnF[i] * part[i];
        }
        return s / rms;
    }

    /**
     * Temperature 1 over the vocabulary less the excluded three, renormalised without them: {@code exp(logit - max) / sum}
     * for a word, 0 for those three.
     *
     * @param logits   the row's logits, by word id
     * @param excluded the ids left out
     * @param max      the largest allowed logit
     * @param sum      the sum of {@code exp(logit - max)} over the allowed words ({@link PlainExp})
     */
    private record Softmax(double[] logits, boolean[] excluded, double max, double sum) {
        double prob(int id) {
            return excluded[id] ? 0 : Math.exp(logits[id] - max) / sum;
        }
    }

    /*
     * Only a few words' probabilities are ever read (the best, the targets, the next word), so none is kept: each is
     * Math.exp and a division again, where a kept array cost 32 KB for each of a point's 14 rows. The normaliser's
     * terms, summed in a vectorised loop, agree with Math.exp to 1e-12 (relative), not bit for bit.
     */
    private Softmax probabilities(double[] logits, PlainExp exp) {
        double max = allowedMax(logits);
        return new Softmax(logits, excluded, max, exp.normaliser(logits, max));
    }

    /**
     * The largest logit of the allowed words, taken over the runs of ids between the excluded ones: a run is a plain
     * reduction, which the JIT vectorises, where a test of each id's flag inside the loop kept it scalar (4,096
     * logits: 1.2 to 1.7 us against 7.5, 2026-12-03). {@code Math.max} gives the same value in any order.
     */
    private double allowedMax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        int from = 0;
        for (int id : excludedIds) {
            max = maxOf(logits, from, id, max);
            from = id + 1;
        }
        return maxOf(logits, from, vocab, max);
    }

    private static double maxOf(double[] logits, int from, int to, double max) {
        double m = max;
        for (int i = from; i < to; i++) {
            m = Math.max(m, logits[i]);
        }
        return m;
    }

    private int rank(double[] logits, int id) {
        int rank = 1;
        for (int i = 0; i < vocab; i++) {
            if (!excluded[i] && (logits[i] > logits[id] || (logits[i] == logits[id] && i < id))) {
                rank++;
            }
        }
        return rank;
    }

    /** 1 + how many allowed tokens have a logit above {@code logits[id] + band}. */
    private int rankWithin(double[] logits, int id, double band) {
        int rank = 1;
        for (int i = 0; i < vocab; i++) {
            if (i != id && !excluded[i] && logits[i] > logits[id] + band) {
                rank++;
            }
        }
        return rank;
    }

    /** The n highest logits, highest first, ties to the lower id. */
    private List<PlainPoint.Candidate> best(double[] logits, Softmax probs, int n) {
        int[] ids = new int[n];
        int size = 0;
        for (int id = 0; id < vocab; id++) {
            if (excluded[id]) {
                continue;
            }
            if (size == n && logits[id] <= logits[ids[n - 1]]) {
                continue;
            }
            int at = Math.min(size, n - 1);
            while (at > 0 && logits[ids[at - 1]] < logits[id]) {
                ids[at] = ids[at - 1];
                at--;
            }
            ids[at] = id;
            size = Math.min(n, size + 1);
        }
        List<PlainPoint.Candidate> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new PlainPoint.Candidate(ids[i], probs.prob(ids[i])));
        }
        return out;
    }

    private double[] rmsNorm(double[] x, float[] weight) {
        double r = rms(x);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] / r * weight[i];
        }
        return out;
    }

    private static double rms(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s / x.length + EPS);
    }

    private double[] concat(List<double[]> parts) {
        double[] out = new double[width];
        for (int h = 0; h < parts.size(); h++) {
            System.arraycopy(parts.get(h), 0, out, h * headWidth, headWidth);
        }
        return out;
    }
}
