package org.attoscope.capture;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One tensor's entry in a capture manifest: what the safetensors header must say about it, and its hash lock.
 *
 * @param dtype  safetensors dtype name ({@code "F32"})
 * @param shape  dimensions, outermost first
 * @param sha256 lower-case hex sha256 of the tensor's raw bytes as stored
 */
@JsonPropertyOrder({"dtype", "shape", "sha256"})
public record ManifestTensor(String dtype, List<Integer> shape, String sha256) {

    public ManifestTensor {
        shape = List.copyOf(shape);
    }
}
