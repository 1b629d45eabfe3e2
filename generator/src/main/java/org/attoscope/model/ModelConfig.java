package org.attoscope.model;

/**
 * The hyper-parameters of an attoGPT-shaped model, as the bundle's manifest states them.
 *
 * @param vocabSize  words in the vocabulary, also the rows of the tied embedding
 * @param blockSize  the longest context the model was trained on; longer texts are read through a sliding window
 * @param width      the residual stream width ({@code n_embd})
 * @param heads      attention heads, each {@code width / heads} wide
 * @param hidden     the MLP's inner width ({@code mlp_mult * width})
 * @param topkAttn   how many scores each query keeps before the softmax (0 would mean dense)
 */
public record ModelConfig(int vocabSize, int blockSize, int width, int heads, int hidden, int topkAttn) {

    public int headWidth() {
        return width / heads;
    }
}
