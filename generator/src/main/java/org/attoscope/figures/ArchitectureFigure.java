package org.attoscope.figures;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * The model drawn from its manifest: the forward pass as boxes and arrows (embeddings, the pre-norm block with its
 * two residual adds, the heads in their colours, the tied output), and a table of every weight tensor with its
 * shape and parameter count. Every number comes from the {@link ArchitectureSpec}.
 */
public final class ArchitectureFigure {

    private static final double PAD = 12;
    private static final double FLOW_X = 40;
    private static final double BOX_W = 340;
    private static final double BOX_H = 40;
    private static final double STEP = 58;
    private static final Rgb BOX_FILL = new Rgb(0xf3, 0xf5, 0xf9);
    private static final Rgb BOX_EDGE = new Rgb(0x5b, 0x6b, 0x88);
    private static final Rgb RESIDUAL = new Rgb(0x99, 0x99, 0x99);

    private ArchitectureFigure() {
    }

    public static SvgFigure render(ArchitectureSpec spec) {
        int d = spec.width();
        List<String[]> boxes = List.of(
                new String[] {"token ids, at most " + spec.blockSize() + " per window", "vocabulary of "
                        + count(spec.vocabSize()) + " words"},
                new String[] {"token embedding + position embedding", params(spec, "tok_emb.weight", "pos_emb.weight")
                        + " → residual stream [T, " + d + "]"},
                new String[] {"RMSNorm", params(spec, "block.ln1.weight")},
                new String[] {"attention: " + spec.heads() + " heads × " + spec.headWidth() + ", top-" + spec.topK()
                        + " of each query's scores", "qkv " + params(spec, "block.attn.qkv.weight") + "; scores ÷ √"
                        + spec.headWidth() + ", softmax over the " + spec.topK() + " kept"},
                new String[] {"attention output projection", params(spec, "block.attn.proj.weight")},
                new String[] {"RMSNorm", params(spec, "block.ln2.weight")},
                new String[] {"MLP " + d + " → " + spec.hidden() + " → " + d + " with exact GELU",
                        params(spec, "block.mlp.fc.weight", "block.mlp.proj.weight")},
                new String[] {"final RMSNorm", params(spec, "ln_f.weight")},
                new String[] {"logits [T, " + count(spec.vocabSize()) + "]", "tied: x · token embeddingᵀ, no new weights"});
        double tableX = FLOW_X + BOX_W + 130;
        double tableW = 300;
        double flowBottom = PAD + 20 + boxes.size() * STEP;
        double tableBottom = PAD + 20 + (spec.tensors().size() + 2) * 18 + 10;
        double width = Math.ceil(tableX + tableW + PAD);
        double height = Math.ceil(Math.max(flowBottom, tableBottom) + 24 + PAD);

        SvgCanvas canvas = new SvgCanvas(width, height);
        canvas.text("forward pass (one decoder block, pre-norm)", FLOW_X, PAD + 10, 11, Legend.MUTED,
                SvgCanvas.Anchor.START, true);
        double cx = FLOW_X + BOX_W / 2;
        for (int i = 0; i < boxes.size(); i++) {
            double y = PAD + 20 + i * STEP;
            boolean attention = i == 3;
            canvas.fillRect(FLOW_X, y, BOX_W, BOX_H, BOX_FILL);
            canvas.strokeRect(FLOW_X, y, BOX_W, BOX_H, BOX_EDGE, 1f);
            if (attention) {
                for (int h = 0; h < Math.min(spec.heads(), 2); h++) {
                    canvas.fillRect(FLOW_X + 1 + h * 7, y + 1, 6, BOX_H - 2, HeadColours.of(h));
                }
            }
            canvas.text(boxes.get(i)[0], cx, y + 16, 11, Legend.INK, SvgCanvas.Anchor.MIDDLE, true);
            canvas.text(boxes.get(i)[1], cx, y + 31, 10, Legend.MUTED, SvgCanvas.Anchor.MIDDLE, false);
            if (i + 1 < boxes.size()) {
                arrow(canvas, cx, y + BOX_H, y + STEP);
            }
        }
        // The two residual adds: the stream skips each sub-layer and is added back after it.
        double firstAdd = residual(canvas, FLOW_X + BOX_W, PAD + 20 + STEP + BOX_H / 2, 4, 24, "+ residual");
        residual(canvas, cx + 8, firstAdd, 6, 48, "+ residual");

        canvas.text("weights (" + count(spec.parameterCount()) + " parameters)", tableX, PAD + 10, 11, Legend.MUTED,
                SvgCanvas.Anchor.START, true);
        double row = PAD + 34;
        canvas.text("tensor", tableX, row, 10, Legend.MUTED, SvgCanvas.Anchor.START, true);
        canvas.text("shape", tableX + 170, row, 10, Legend.MUTED, SvgCanvas.Anchor.START, true);
        canvas.text("parameters", tableX + tableW, row, 10, Legend.MUTED, SvgCanvas.Anchor.END, true);
        for (ParameterTensor t : spec.tensors()) {
            row += 18;
            canvas.text(t.name(), tableX, row, 10, Legend.INK, SvgCanvas.Anchor.START, false);
            canvas.text(dims(t.shape()), tableX + 170, row, 10, Legend.INK, SvgCanvas.Anchor.START, false);
            canvas.text(count(t.count()), tableX + tableW, row, 10, Legend.INK, SvgCanvas.Anchor.END, false);
        }
        canvas.line(tableX, row + 6, tableX + tableW, row + 6, Legend.MUTED, 0.75f);
        canvas.text("total", tableX, row + 20, 10, Legend.INK, SvgCanvas.Anchor.START, true);
        canvas.text(count(spec.parameterCount()), tableX + tableW, row + 20, 10, Legend.INK, SvgCanvas.Anchor.END,
                true);

        String title = "attoGPT architecture: " + count(spec.parameterCount()) + " parameters";
        String description = "One pre-norm decoder block. Tokens from a vocabulary of " + count(spec.vocabSize())
                + " are embedded to width " + d + " with learned positions (context " + spec.blockSize() + "); "
                + "RMSNorm; causal self-attention with " + spec.heads() + " heads of " + spec.headWidth()
                + " keeping the top " + spec.topK() + " scores per query; output projection and residual add; "
                + "RMSNorm; MLP " + d + " to " + spec.hidden() + " to " + d + " with GELU and residual add; final "
                + "RMSNorm; logits through the tied token embedding. Parameters: " + spec.tensors().stream()
                .map(t -> t.name() + " " + dims(t.shape()) + " = " + count(t.count())).reduce((a, b) -> a + ", " + b)
                .orElse("none") + "; total " + count(spec.parameterCount()) + ".";
        String svg = canvas.finish("architecture", title, description, SvgCanvas.attributes());
        return new SvgFigure(svg, title, description, 0, List.of());
    }

    private static void arrow(SvgCanvas canvas, double x, double fromY, double toY) {
        canvas.line(x, fromY, x, toY - 5, BOX_EDGE, 1.25f);
        Path2D.Double head = new Path2D.Double();
        head.moveTo(x - 4, toY - 6);
        head.lineTo(x + 4, toY - 6);
        head.lineTo(x, toY);
        head.closePath();
        canvas.fill(head, BOX_EDGE);
    }

    /**
     * A skip connection leaving the stream at ({@code startX}, {@code y1}) and added back just after box {@code to};
     * returns the height of the add.
     */
    private static double residual(SvgCanvas canvas, double startX, double y1, int to, double offset,
                                   String label) {
        double y2 = PAD + 20 + to * STEP + BOX_H + (STEP - BOX_H) / 2;
        double x = FLOW_X + BOX_W + offset;
        canvas.line(startX, y1, x, y1, RESIDUAL, 1.25f);
        canvas.line(x, y1, x, y2, RESIDUAL, 1.25f);
        canvas.line(x, y2, FLOW_X + BOX_W / 2 + 8, y2, RESIDUAL, 1.25f);
        canvas.fill(new Ellipse2D.Double(FLOW_X + BOX_W / 2 - 8, y2 - 8, 16, 16), Rgb.WHITE);
        canvas.stroke(new Ellipse2D.Double(FLOW_X + BOX_W / 2 - 8, y2 - 8, 16, 16), RESIDUAL, 1.25f);
        canvas.centredText("+", FLOW_X + BOX_W / 2, y2 - 1, 13, Legend.INK, true);
        canvas.text(label, x + 4, (y1 + y2) / 2, 10, Legend.MUTED, SvgCanvas.Anchor.START, false);
        return y2;
    }

    private static String params(ArchitectureSpec spec, String... names) {
        StringBuilder sb = new StringBuilder();
        long total = 0;
        for (String name : names) {
            ParameterTensor t = spec.tensor(name);
            if (t == null) {
                continue;
            }
            sb.append(sb.length() == 0 ? "" : " + ").append(dims(t.shape()));
            total += t.count();
        }
        return sb.length() == 0 ? "" : sb + " = " + count(total) + " params";
    }

    private static String dims(List<Integer> shape) {
        return String.join("×", shape.stream().map(String::valueOf).toList());
    }

    private static String count(long n) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(n);
    }
}
