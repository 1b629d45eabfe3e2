package org.attoscope.figures;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.capture.Dtype;

/**
 * One logits vector: the last axis of a captured logits tensor, e.g. {@code step02.logits_last} [1, 4096].
 *
 * @param source       the capture's name
 * @param tensor       the tensor's name
 * @param shape        its full shape
 * @param leadingIndex fixed indices of every axis but the last (e.g. {@code [0]})
 * @param logits       the vector, one float per vocabulary id
 * @param vocabulary   the word of each id
 * @param dtype        the dtype it was captured in
 */
public record LogitsVector(String source, String tensor, List<Integer> shape, List<Integer> leadingIndex,
                           float[] logits, List<String> vocabulary, Dtype dtype) {

    public LogitsVector {
        shape = List.copyOf(shape);
        leadingIndex = List.copyOf(leadingIndex);
        vocabulary = List.copyOf(vocabulary);
        if (shape.isEmpty() || leadingIndex.size() != shape.size() - 1
                || shape.get(shape.size() - 1) != logits.length || vocabulary.size() != logits.length) {
            throw new FigureException(tensor + " of shape " + Captions.shape(shape) + " with index "
                    + Captions.slice(leadingIndex, 1) + " does not give a vector of " + vocabulary.size()
                    + " logits.", "fix every axis but the last, and give one word per id.");
        }
        TensorSlice.checkIndex(tensor, shape, leadingIndex);
    }

    /** The full index of one id's logit. */
    public List<Integer> indexOf(int id) {
        List<Integer> index = new ArrayList<>(leadingIndex);
        index.add(id);
        return index;
    }
}
