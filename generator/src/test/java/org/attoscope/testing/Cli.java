package org.attoscope.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.attoscope.cli.Main;

/** Runs one {@code attoscope} command line in the test's JVM and keeps what it printed. */
public final class Cli {
    /** The exit code and both streams of one run. */
    public record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static Run attoscope(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
