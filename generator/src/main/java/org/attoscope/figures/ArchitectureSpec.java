package org.attoscope.figures;

import java.util.List;
import org.attoscope.model.ModelConfig;
import org.attoscope.model.TensorSpec;

/**
 * The numbers an architecture diagram shows, as the bundle's manifest states them.
 *
 * @param vocabSize words in the vocabulary
 * @param blockSize the longest context
 * @param width     residual stream width
 * @param heads     attention heads
 * @param headWidth each head's width
 * @param hidden    MLP inner width
 * @param topK      scores each query keeps
 * @param tensors   every weight tensor in manifest order
 */
public record ArchitectureSpec(int vocabSize, int blockSize, int width, int heads, int headWidth, int hidden,
                               int topK, List<ParameterTensor> tensors) {

    public ArchitectureSpec {
        tensors = List.copyOf(tensors);
    }

    public static ArchitectureSpec of(ModelConfig config, List<TensorSpec> tensors) {
        return new ArchitectureSpec(config.vocabSize(), config.blockSize(), config.width(), config.heads(),
                config.headWidth(), config.hidden(), config.topkAttn(),
                tensors.stream().map(t -> new ParameterTensor(t.name(), t.shape())).toList());
    }

    public long parameterCount() {
        return tensors.stream().mapToLong(ParameterTensor::count).sum();
    }

    /** The tensor with this name, or null when the manifest has none. */
    ParameterTensor tensor(String name) {
        return tensors.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
