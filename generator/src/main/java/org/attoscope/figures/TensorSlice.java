package org.attoscope.figures;

import java.util.ArrayList;
import java.util.List;
import org.attoscope.capture.Dtype;

/**
 * One two-dimensional slice of a captured tensor, the input of a {@link HeatmapFigure}.
 *
 * @param source     where the tensor comes from: the capture's name
 * @param tensor     the tensor's name, e.g. {@code step00.attention_00}
 * @param shape      the tensor's full shape, e.g. {@code [1, 2, 5, 5]}
 * @param sliceIndex the fixed leading indices, e.g. {@code [0, 1]} for head 1; the last two axes are the slice
 * @param rows       the slice's rows (queries), {@code shape[n-2]}
 * @param cols       the slice's columns (keys), {@code shape[n-1]}
 * @param values     rows × cols floats, row-major, as stored
 * @param rowLabels  one label per row (the query tokens)
 * @param colLabels  one label per column (the key tokens)
 * @param dtype      the dtype it was captured in: F32, F16 or BF16
 * @param causal     whether cells above the diagonal (column after row) are causal-masked and must be 0
 */
public record TensorSlice(String source, String tensor, List<Integer> shape, List<Integer> sliceIndex, int rows,
                          int cols, float[] values, List<String> rowLabels, List<String> colLabels, Dtype dtype,
                          boolean causal) {

    public TensorSlice {
        shape = List.copyOf(shape);
        sliceIndex = List.copyOf(sliceIndex);
        rowLabels = List.copyOf(rowLabels);
        colLabels = List.copyOf(colLabels);
        if (shape.size() != sliceIndex.size() + 2 || shape.get(shape.size() - 2) != rows
                || shape.get(shape.size() - 1) != cols) {
            throw new FigureException("slice " + Captions.slice(sliceIndex, 2) + " of " + rows + "×" + cols
                    + " does not fit " + tensor + " of shape " + Captions.shape(shape) + ".",
                    "fix every index but the last two axes.");
        }
        checkIndex(tensor, shape, sliceIndex);
        if (values.length != rows * cols || rowLabels.size() != rows || colLabels.size() != cols) {
            throw new FigureException("slice of " + tensor + " has " + values.length + " values, "
                    + rowLabels.size() + " row labels and " + colLabels.size() + " column labels for " + rows + "×"
                    + cols + ".", "pass one value per cell and one label per row and column.");
        }
    }

    /**
     * Cuts the slice at {@code sliceIndex} out of a whole tensor's row-major values.
     *
     * @throws FigureException when the index is out of range, naming the tensor and its shape
     */
    public static TensorSlice of(String source, String tensor, List<Integer> shape, Dtype dtype, float[] tensorValues,
                                 List<Integer> sliceIndex, List<String> rowLabels, List<String> colLabels,
                                 boolean causal) {
        if (shape.size() < 2 || sliceIndex.size() != shape.size() - 2) {
            throw new FigureException(tensor + " of shape " + Captions.shape(shape) + " needs "
                    + Math.max(0, shape.size() - 2) + " leading indices to give a 2-D slice, got "
                    + sliceIndex.size() + ".", "give one index for every axis but the last two.");
        }
        checkIndex(tensor, shape, sliceIndex);
        int rows = shape.get(shape.size() - 2);
        int cols = shape.get(shape.size() - 1);
        long offset = 0;
        for (int i = 0; i < sliceIndex.size(); i++) {
            offset = offset * shape.get(i) + sliceIndex.get(i);
        }
        offset *= (long) rows * cols;
        float[] values = new float[rows * cols];
        System.arraycopy(tensorValues, Math.toIntExact(offset), values, 0, values.length);
        return new TensorSlice(source, tensor, shape, sliceIndex, rows, cols, values, rowLabels, colLabels, dtype,
                causal);
    }

    public float value(int row, int col) {
        return values[row * cols + col];
    }

    /** The cell's full index into the tensor. */
    public List<Integer> indexOf(int row, int col) {
        List<Integer> index = new ArrayList<>(sliceIndex);
        index.add(row);
        index.add(col);
        return index;
    }

    public boolean masked(int row, int col) {
        return causal && col > row;
    }

    static void checkIndex(String tensor, List<Integer> shape, List<Integer> index) {
        for (int i = 0; i < index.size(); i++) {
            if (index.get(i) < 0 || index.get(i) >= shape.get(i)) {
                throw new FigureException("index " + Captions.shape(index) + " is out of range for " + tensor
                        + " of shape " + Captions.shape(shape) + " (axis " + i + " has " + shape.get(i) + ").",
                        "use indices from 0 to one less than each axis's size.");
            }
        }
    }
}
