package org.attoscope.serve;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import org.attoscope.InputException;

/**
 * A failed build as the overlay shows it.
 *
 * @param file    the file at fault, as the author would type it (relative to where serve runs), or null
 * @param line    1-based line, or 0
 * @param problem what is wrong
 * @param fix     what to do
 * @param message the whole message as the terminal printed it
 */
record BuildProblem(@JsonProperty("file") String file, @JsonProperty("line") int line, @JsonProperty("problem") String problem,
                    @JsonProperty("fix") String fix, @JsonProperty("message") String message) {

    static BuildProblem of(Throwable e, Path workingDir) {
        if (e instanceof InputException ie) {
            String file = ie.file() == null ? null : display(ie.file(), workingDir);
            String message = (file == null ? "" : file + (ie.line() > 0 ? ":" + ie.line() : "") + ": ") + ie.problem()
                    + (ie.fix() == null || ie.fix().isBlank() ? "" : " Fix: " + ie.fix());
            return new BuildProblem(file, ie.line(), ie.problem(), ie.fix(), message);
        }
        String problem = "the build failed unexpectedly: " + e;
        return new BuildProblem(null, 0, problem, "this is a bug in attoscope, not in your files; the terminal shows the details.", problem);
    }

    private static String display(Path file, Path workingDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path wd = workingDir.toAbsolutePath().normalize();
        return abs.startsWith(wd) ? wd.relativize(abs).toString() : abs.toString();
    }
}
