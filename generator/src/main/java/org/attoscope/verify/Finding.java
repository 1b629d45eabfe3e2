package org.attoscope.verify;

/**
 * One thing the verifier found wrong, named as precisely as the files allow.
 *
 * @param file    the site file (or capture) it is in, as the reader would type it: {@code site/explore/x/index.html}
 * @param figure  the figure, e.g. {@code figure 2 (once-upon step00.attention_00 [0, 0, :, :])}, or empty
 * @param cell    the cell, e.g. {@code cell (3,1)}, or empty
 * @param problem what differs, page side first, with both values
 */
public record Finding(String file, String figure, String cell, String problem) {

    public static Finding of(String file, String problem) {
        return new Finding(file, "", "", problem);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file);
        if (!figure.isEmpty()) {
            sb.append(", ").append(figure);
        }
        if (!cell.isEmpty()) {
            sb.append(", ").append(cell);
        }
        return sb.append(": ").append(problem).toString();
    }
}
