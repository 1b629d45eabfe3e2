package org.attoscope.figures;

import java.util.List;
import org.attoscope.trace.AttentionLink;

/**
 * One head's sparse attention over a whole story, the input of an {@link AttentionMatrixFigure}.
 *
 * @param source the story's slug
 * @param tensor what the weights are, as cells will name it, e.g. {@code points.heads[0]}
 * @param head   the head, 0 or 1 (decides the accent colour)
 * @param tokens the story's tokens, position by position
 * @param rows   one row per query position that has a prediction point, in any order
 */
public record AttentionMatrix(String source, String tensor, int head, List<String> tokens, List<AttentionRow> rows) {

    public AttentionMatrix {
        tokens = List.copyOf(tokens);
        rows = List.copyOf(rows);
        for (AttentionRow row : rows) {
            if (row.query() < 0 || row.query() >= tokens.size() || row.contextStart() < 0
                    || row.contextStart() > row.query()) {
                throw new FigureException("query " + row.query() + " (window from " + row.contextStart()
                        + ") is outside story " + source + " of " + tokens.size() + " tokens.",
                        "pass rows for positions 0.." + (tokens.size() - 1) + ".");
            }
            for (AttentionLink link : row.links()) {
                int key = link.source();
                if (key < row.contextStart() || key > row.query()) {
                    throw new FigureException("head " + head + " at query " + row.query() + " attends to key "
                            + key + ", outside its causal window " + row.contextStart() + ".." + row.query() + ".",
                            "attention links must point back inside the query's window.");
                }
            }
        }
    }
}
