package org.attoscope.verify;

import java.util.List;

/**
 * A tensor a figure shows, for the report: what it is and the hash its values were checked under.
 *
 * @param source the capture (or, for engine output, the story) it comes from
 * @param tensor its name
 * @param shape  its full shape
 * @param dtype  how it is stored ({@code F32}, {@code F16}, {@code BF16}); engine output is {@code F32}
 * @param sha256 for a capture, the hash lock its bytes matched; for engine output, the sha256 of the story text
 *               the verifier's own forward pass ran over
 * @param cells  how many of its values the figure shows and the verifier checked
 */
public record TensorUsed(String source, String tensor, List<Integer> shape, String dtype, String sha256, int cells) {

    public TensorUsed {
        shape = List.copyOf(shape);
    }
}
