package org.attoscope.cli;

import java.io.PrintWriter;
import org.attoscope.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code attoscope}: exit 0 on success, 1 on a finding in the input, 2 on bad usage (FORMATS.md section 1). */
@Command(name = "attoscope", mixinStandardHelpOptions = true, scope = ScopeType.INHERIT, version = "attoscope " + Main.VERSION,
        description = "Bakes a tiny real language model into explorable, verifiable lesson pages.",
        subcommands = {BuildCommand.class, ServeCommand.class, CaptureCommand.class, PointsCommand.class, BenchCommand.class, VerifyCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {
    public static final String VERSION = "0.1.0";

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line; the tests call this instead of spawning a JVM. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InputException ie) {
                cmd.getErr().println("error: " + ie.getMessage());
                return 1;
            }
            throw ex;
        });
        return cli.execute(args);
    }
}
