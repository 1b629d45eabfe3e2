package org.attoscope;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem with something the user gave attoscope: a file, a flag, a model bundle.
 *
 * <p>Every such problem names where it is (file, and line where there is one), what is wrong,
 * and what to do about it, because the person reading it is an author, not a Java developer.
 * The CLI maps it to exit code 1.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Path file;
    private final int line;
    private final String problem;
    private final String fix;

    public InputException(Path file, int line, String problem, String fix) {
        super(render(file, line, problem, fix));
        this.file = file;
        this.line = line;
        this.problem = Objects.requireNonNull(problem);
        this.fix = fix;
    }

    public InputException(Path file, String problem, String fix) {
        this(file, 0, problem, fix);
    }

    public InputException(Path file, String problem, String fix, Throwable cause) {
        this(file, 0, problem, fix);
        initCause(cause);
    }

    /** The file at fault, or null when the problem is not in a file (a flag, a prompt). */
    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is about the file as a whole. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    private static String render(Path file, int line, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        sb.append(problem);
        if (fix != null && !fix.isBlank()) {
            sb.append(" Fix: ").append(fix);
        }
        return sb.toString();
    }
}
