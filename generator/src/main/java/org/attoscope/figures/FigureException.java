package org.attoscope.figures;

/**
 * A figure cannot be drawn truthfully from what it was given: a value outside its colour scale's domain, NaN,
 * an index out of range, LaTeX that does not parse.
 *
 * <p>Figures know nothing of files; the caller (a lesson directive, an explorer page) catches this and rethrows it
 * as an {@code InputException} naming the file and line the figure came from.
 */
public class FigureException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String fix;

    public FigureException(String problem, String fix) {
        super(fix == null || fix.isBlank() ? problem : problem + " Fix: " + fix);
        this.problem = problem;
        this.fix = fix;
    }

    public FigureException(String problem, String fix, Throwable cause) {
        this(problem, fix);
        initCause(cause);
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }
}
