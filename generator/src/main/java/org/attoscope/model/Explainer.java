package org.attoscope.model;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.util.FdlibmExp;

/**
 * Why and what-if for a batch of prediction points (FORMATS.md section 3.1): the split of each point's residual into
 * its terms, projected to a few tokens' logits, and the point re-run without a head, with dense attention, and
 * without each kept link.
 *
 * <p>attoGPT has one block, so keys and values never depend on attention output: a counterfactual changes only the
 * point's own attention mix, and only that one row is run again through the output projection, the MLP and the
 * logits. Every counterfactual row of a batch goes through those dense layers together, through the engine's own
 * {@link BlockTail} (one {@link Gemm} product per layer), like the engine's main rows. Each row's arithmetic is the same wherever it sits in the batch, so the
 * bits do not depend on batching or threads.
 *
 * <p>The links (sources and weights) are the engine's, so the parts explain exactly the attention a point shows;
 * keys and values are recomputed here from the engine's {@link QkvTable}, since the explainer needs every
 * row of a window (for the dense run), which the engine never makes.
 */
public final class Explainer {
    private final ModelConfig cfg;
    private final QkvTable qkv;
    private final float[] tokEmb;
    private final float[] posEmb;
    private final AttributionProjection attribution;
    private final BlockTail tail;

    private Explainer(AttoGpt engine) {
        ModelBundle bundle = engine.bundle();
        this.cfg = bundle.config();
        this.tokEmb = bundle.tensor("tok_emb.weight");
        this.posEmb = bundle.tensor("pos_emb.weight");
        this.qkv = engine.qkv();
        this.attribution = new AttributionProjection(cfg, tokEmb, bundle.tensor("ln_f.weight"), bundle.tensor("block.attn.proj.weight"));
        this.tail = engine.tail();
    }

    /** The explainer of the bundle {@code engine} runs, sharing its tables and layers. */
    public static Explainer of(AttoGpt engine) {
        return new Explainer(engine);
    }

    /**
     * @param ids     the text
     * @param points  the engine's points of one range of it
     * @param targets per point, the tokens whose logits to split
     */
    public Explained[] explain(int[] ids, FocusResult[] points, int[][] targets) {
        int n = points.length;
        int c = cfg.width();
        int heads = cfg.heads();
        Plan[] plans = new Plan[n];
        int cfRows = 0;
        for (int i = 0; i < n; i++) {
            plans[i] = new Plan(cfRows, points[i].heads());
            cfRows += plans[i].rows;
        }
        int rows = cfRows + n;
        float[] x = new float[rows * c];
        float[] mixed = new float[rows * c];
        float[][][] values = new float[n][][];
        Window shared = new Window(cfg, qkv);
        Window sliding = new Window(cfg, qkv);
        for (int i = 0; i < n; i++) {
            FocusResult p = points[i];
            int start = p.contextStart();
            int local = p.focus() - start;
            Window w = start == 0 ? shared : sliding;
            w.load(ids, start, local);
            Plan plan = plans[i];
            int mainRow = cfRows + i;
            w.input(local, x, mainRow * c);
            float[][] own = new float[heads][];
            for (int h = 0; h < heads; h++) {
                own[h] = mix(w, p.heads()[h], h, -1);
            }
            values[i] = linkValues(w, p);
            putHeads(mixed, mainRow, own, -1, null);
            int r = plan.first;
            for (int h = 0; h < heads; h++) {
                putHeads(mixed, r, own, h, new float[cfg.headWidth()]);
                w.input(local, x, r * c);
                r++;
            }
            float[][] dense = new float[heads][];
            for (int h = 0; h < heads; h++) {
                dense[h] = w.denseMix(local, h);
            }
            putHeads(mixed, r, dense, -1, null);
            w.input(local, x, r * c);
            r++;
            for (int h = 0; h < heads; h++) {
                for (int j = 0; j < p.heads()[h].size(); j++) {
                    putHeads(mixed, r, own, h, mix(w, p.heads()[h], h, j));
                    w.input(local, x, r * c);
                    r++;
                }
            }
        }
        BlockTail.Rows tail = this.tail.run(x, mixed, rows, cfRows);
        Explained[] out = new Explained[n];
        for (int i = 0; i < n; i++) {
            out[i] = assemble(points[i], ids[points[i].focus()], plans[i], tail, cfRows + i, values[i], targets[i]);
        }
        return out;
    }

    /** Which counterfactual rows belong to a point: one per head switched off, one dense, one per kept link. */
    private final class Plan {
        final int first;
        final int rows;

        Plan(int first, HeadLinks[] links) {
            this.first = first;
            int r = cfg.heads() + 1;
            for (HeadLinks h : links) {
                r += h.size();
            }
            this.rows = r;
        }
    }

    /**
     * Head h's share of the attention mix from its kept links, optionally without link {@code drop}: the others'
     * weights renormalised to sum to 1, or nothing at all when it was the only one.
     */
    private float[] mix(Window w, HeadLinks links, int h, int drop) {
        int d = cfg.headWidth();
        int hb = h * d;
        float[] out = new float[d];
        double total = 0;
        for (int k = 0; k < links.size(); k++) {
            if (k != drop) {
                total += links.weights()[k];
            }
        }
        if (total == 0) {
            return out;
        }
        double renorm = drop < 0 ? 1 : 1 / total;
        double[] acc = new double[d];
        for (int k = 0; k < links.size(); k++) {
            if (k == drop) {
                continue;
            }
            double wk = links.weights()[k] * renorm;
            float[] v = w.value(links.sources()[k] - w.start);
            for (int j = 0; j < d; j++) {
                acc[j] += wk * v[hb + j];
            }
        }
        for (int j = 0; j < d; j++) {
            out[j] = (float) acc[j];
        }
        return out;
    }

    /** The value rows a point's links read, [h][k], each the full width (the head's slice is what counts). */
    private float[][] linkValues(Window w, FocusResult p) {
        int total = 0;
        for (HeadLinks h : p.heads()) {
            total += h.size();
        }
        float[][] out = new float[total][];
        int at = 0;
        for (HeadLinks h : p.heads()) {
            for (int k = 0; k < h.size(); k++) {
                out[at++] = w.value(h.sources()[k] - w.start).clone();
            }
        }
        return out;
    }

    /** Writes every head's mix into {@code row}, with head {@code replace} taken from {@code with} instead. */
    private void putHeads(float[] mixed, int row, float[][] heads, int replace, float[] with) {
        int c = cfg.width();
        int d = cfg.headWidth();
        for (int h = 0; h < heads.length; h++) {
            System.arraycopy(h == replace ? with : heads[h], 0, mixed, row * c + h * d, d);
        }
    }

    private Explained assemble(FocusResult p, int focusId, Plan plan, BlockTail.Rows tail, int mainRow, float[][] values, int[] targets) {
        int c = cfg.width();
        double finalRms = 1 / RmsNorm.scale(tail.residual(), mainRow * c, c);
        List<Explained.TargetParts> parts = new ArrayList<>();
        for (int t : targets) {
            parts.add(parts(p, focusId, t, finalRms, tail.mlp(), mainRow * c, values));
        }
        int heads = cfg.heads();
        int r = plan.first;
        float[][] headOff = new float[heads][];
        for (int h = 0; h < heads; h++) {
            headOff[h] = tail.logits()[r++];
        }
        float[] dense = tail.logits()[r++];
        float[][][] drops = new float[heads][][];
        for (int h = 0; h < heads; h++) {
            drops[h] = new float[p.heads()[h].size()][];
            for (int j = 0; j < drops[h].length; j++) {
                drops[h][j] = tail.logits()[r++];
            }
        }
        return new Explained(finalRms, parts, headOff, dense, drops);
    }

    /*
     * One target's parts, apart from assemble on purpose: as one method with the loops over targets, heads and links
     * it was the build's largest C2 compile (0.6 s, compiled twice, normally and on stack replacement).
     */
    private Explained.TargetParts parts(FocusResult p, int focusId, int target, double finalRms, float[] mlp, int mlpAt,
                                        float[][] values) {
        int c = cfg.width();
        int d = cfg.headWidth();
        int local = p.focus() - p.contextStart();
        double[] u = attribution.logitDirection(target, finalRms);
        double token = dot(u, tokEmb, focusId * c);
        double position = dot(u, posEmb, local * c);
        double mlpPart = dot(u, mlp, mlpAt);
        double[][] headParts = new double[cfg.heads()][];
        int at = 0;
        for (int h = 0; h < headParts.length; h++) {
            int hb = h * d;
            double[] z = attribution.throughHead(u, h);
            HeadLinks links = p.heads()[h];
            headParts[h] = new double[links.size()];
            for (int k = 0; k < links.size(); k++) {
                float[] v = values[at++];
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += z[j] * v[hb + j];
                }
                headParts[h][k] = links.weights()[k] * s;
            }
        }
        return new Explained.TargetParts(target, token, position, headParts, mlpPart);
    }

    private static double dot(double[] u, float[] a, int at) {
        double s = 0;
        for (int i = 0; i < u.length; i++) {
            s += u[i] * a[at + i];
        }
        return s;
    }

    /**
     * Rows of one window with their keys and values, made on first use: the first window of a text serves all of
     * its points below the context length; a sliding window is reloaded for each later point.
     */
    private static final class Window {
        private final ModelConfig cfg;
        private final QkvTable qkv;
        private final double scoreScale;
        private final float[][] k;
        private final float[][] v;
        private final double[] scale;
        private final float[] row;
        private int[] ids;
        private int start = -1;
        private int filled;

        Window(ModelConfig cfg, QkvTable qkv) {
            this.cfg = cfg;
            this.qkv = qkv;
            this.scoreScale = 1.0 / Math.sqrt(cfg.headWidth());
            int cap = cfg.blockSize();
            int c = cfg.width();
            k = new float[cap][c];
            v = new float[cap][c];
            scale = new double[cap];
            row = new float[c];
        }

        /** Makes rows 0..local of the window from {@code start} ready. */
        void load(int[] ids, int start, int local) {
            if (this.ids != ids || this.start != start) {
                this.ids = ids;
                this.start = start;
                filled = 0;
            }
            int c = cfg.width();
            for (; filled <= local; filled++) {
                int id = ids[start + filled];
                qkv.input(id, filled, row, 0);
                double s = RmsNorm.scale(row, 0, c);
                scale[filled] = s;
                QkvTable.Projection a = qkv.token(id);
                QkvTable.Projection b = qkv.position(filled);
                for (int i = 0; i < c; i++) {
                    k[filled][i] = (float) (s * (a.k()[i] + b.k()[i]));
                    v[filled][i] = (float) (s * (a.v()[i] + b.v()[i]));
                }
            }
        }

        void input(int local, float[] out, int at) {
            qkv.input(ids[start + local], local, out, at);
        }

        float[] value(int r) {
            return v[r];
        }

        /** Head h's mix over every causal row with the ordinary softmax, as a dense model would attend. */
        float[] denseMix(int local, int h) {
            int c = cfg.width();
            int d = cfg.headWidth();
            int hb = h * d;
            QkvTable.Projection a = qkv.token(ids[start + local]);
            QkvTable.Projection b = qkv.position(local);
            double[] q = new double[d];
            for (int j = 0; j < d; j++) {
                q[j] = (float) (scale[local] * (a.q()[hb + j] + b.q()[hb + j]));
            }
            double[] e = new double[local + 1];
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t <= local; t++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += q[j] * k[t][hb + j];
                }
                e[t] = s * scoreScale;
                max = Math.max(max, e[t]);
            }
            double denom = 0;
            for (int t = 0; t <= local; t++) {
                e[t] = FdlibmExp.exp(e[t] - max);
                denom += e[t];
            }
            double[] acc = new double[d];
            for (int t = 0; t <= local; t++) {
                double p = e[t] / denom;
                for (int j = 0; j < d; j++) {
                    acc[j] += p * v[t][hb + j];
                }
            }
            float[] out = new float[d];
            for (int j = 0; j < d; j++) {
                out[j] = (float) acc[j];
            }
            return out;
        }
    }
}
