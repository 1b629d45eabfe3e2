package org.attoscope.model;

/**
 * The attoGPT forward pass, fast: what {@link ReferenceForward} computes for one point, read that first. This class
 * is the same model restructured so a whole text costs little more than its prediction points:
 * <ul>
 *   <li>Each window's keys and values are computed once and shared by every point that sees that window.</li>
 *   <li>RMSNorm is a per-row scale, so {@code qkv(norm(tok + pos)) = scale * (W(g*tok) + W(g*pos))}: the two
 *       projections are computed once per vocabulary word and once per position, and a window's keys and values
 *       cost a few hundred flops a token. That is what makes a sliding window (a new window per point past the
 *       context length) affordable.</li>
 *   <li>The dense layers after attention run as one matrix product over a batch of points ({@link Gemm}).</li>
 * </ul>
 * Precision is {@link ReferenceForward}'s: float32 storage; the dense layers after attention (output projection, MLP,
 * logits) float32 throughout, each dot product summed term after term in input order; the other long sums (the qkv
 * tables, scores, norms, softmax) accumulated in double and rounded once, while the embedding sum, the residual adds
 * and the attention mix round to float at every add. Every sum is added in a fixed order, so a point's values never
 * depend on which batch or thread computed it.
 */
public final class AttoGpt {
    private final ModelBundle bundle;
    private final ModelConfig cfg;
    private final Tokenizer tokenizer;
    private final String sha256;
    private final QkvTable qkv;
    private final BlockTail tail;

    public AttoGpt(ModelBundle bundle) {
        this.bundle = bundle;
        this.cfg = bundle.config();
        this.tokenizer = bundle.tokenizer();
        this.sha256 = bundle.sha256();
        this.qkv = new QkvTable(cfg, bundle.tensor("tok_emb.weight"), bundle.tensor("pos_emb.weight"),
                bundle.tensor("block.ln1.weight"), bundle.tensor("block.attn.qkv.weight"));
        this.tail = new BlockTail(bundle);
    }

    /** The weights, for the {@link Explainer}, which reads the embeddings and the output projection itself. */
    ModelBundle bundle() {
        return bundle;
    }

    /** The keys' and values' factored tables, shared with the {@link Explainer}. */
    QkvTable qkv() {
        return qkv;
    }

    /** The layers after attention, shared with the {@link Explainer}. */
    BlockTail tail() {
        return tail;
    }

    public ModelConfig config() {
        return cfg;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public String modelSha256() {
        return sha256;
    }

    /** First position the window of a point at {@code focus} sees. */
    public int contextStart(int focus) {
        return Math.max(0, focus - cfg.blockSize() + 1);
    }

    /**
     * The prediction points {@code from..to-1} of a text. Points below the context length share one window; each
     * point past it has its own.
     */
    public FocusResult[] points(int[] ids, int from, int to) {
        if (from < 0 || to > ids.length || from > to) {
            throw new IllegalArgumentException("points " + from + ".." + to + " of a text of " + ids.length + " tokens");
        }
        // Only the tokens these points can see: a long text is traced in many batches, and each checks its own part.
        checkIds(ids, contextStart(from), to);
        int n = to - from;
        int c = cfg.width();
        float[] x = new float[n * c];
        float[] mixed = new float[n * c];
        HeadLinks[][] links = new HeadLinks[n][];
        AttentionWindow shared = null;
        AttentionWindow sliding = null;
        for (int i = 0; i < n; i++) {
            int focus = from + i;
            int start = contextStart(focus);
            AttentionWindow w;
            if (start == 0) {
                if (shared == null) {
                    shared = new AttentionWindow(cfg, qkv, Math.min(to, cfg.blockSize()));
                    shared.fill(ids, 0);
                }
                w = shared;
            } else {
                if (sliding == null) {
                    sliding = new AttentionWindow(cfg, qkv, cfg.blockSize());
                }
                sliding.fill(ids, start);
                w = sliding;
            }
            int local = focus - start;
            w.input(local, x, i * c);
            links[i] = w.attend(local, mixed, i * c, null, null);
        }
        float[][] logits = afterAttention(x, mixed, n, null);
        FocusResult[] out = new FocusResult[n];
        for (int i = 0; i < n; i++) {
            out[i] = new FocusResult(from + i, contextStart(from + i), links[i], logits[i]);
        }
        return out;
    }

    /**
     * Every intermediate of one window (at most the context length), every row a query: what a capture records.
     */
    public Activations activations(int[] ids) {
        checkIds(ids, 0, ids.length);
        int t = ids.length;
        if (t > cfg.blockSize()) {
            throw new IllegalArgumentException("a capture runs one window: at most " + cfg.blockSize() + " tokens, got " + t);
        }
        int c = cfg.width();
        Activations a = new Activations(t, c, cfg.heads(), cfg.vocabSize());
        AttentionWindow w = new AttentionWindow(cfg, qkv, t);
        w.fill(ids, 0);
        float[] mixed = new float[t * c];
        for (int q = 0; q < t; q++) {
            w.input(q, a.embedding, q * c);
            w.attend(q, mixed, q * c, a.attentionDense, a.attentionSparse);
        }
        float[][] logits = afterAttention(a.embedding, mixed, t, a);
        for (int q = 0; q < t; q++) {
            System.arraycopy(logits[q], 0, a.logits, q * cfg.vocabSize(), cfg.vocabSize());
        }
        return a;
    }

    private void checkIds(int[] ids, int from, int to) {
        for (int i = from; i < to; i++) {
            int id = ids[i];
            if (id < 0 || id >= cfg.vocabSize()) {
                throw new IllegalArgumentException("token id " + id + " is outside the vocabulary of " + cfg.vocabSize());
            }
        }
    }

    /** Attention output projection, both residual adds, the MLP, the final norm and the tied logits, for n rows. */
    private float[][] afterAttention(float[] x, float[] mixed, int n, Activations record) {
        BlockTail.Rows rows = tail.run(x, mixed, n, n);
        if (record != null) {
            System.arraycopy(rows.attentionOutput(), 0, record.attentionOutput, 0, rows.attentionOutput().length);
            System.arraycopy(rows.mlp(), 0, record.mlpOutput, 0, rows.mlp().length);
            System.arraycopy(rows.residual(), 0, record.residual, 0, rows.residual().length);
            System.arraycopy(rows.finalNorm(), 0, record.finalNorm, 0, rows.finalNorm().length);
        }
        return rows.logits();
    }
}
