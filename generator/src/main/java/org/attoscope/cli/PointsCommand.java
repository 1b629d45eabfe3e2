package org.attoscope.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.attoscope.InputException;
import org.attoscope.model.AttoGpt;
import org.attoscope.trace.PromptTrace;
import org.attoscope.trace.TraceFile;
import org.attoscope.trace.Tracer;
import org.attoscope.util.Json;
import org.attoscope.util.JsonFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "points", description = "Write the prediction points (FORMATS.md section 3) of every prompt in a prompts file.")
final class PointsCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--prompts", required = true, paramLabel = "PROMPTS.json", description = "a JSON array of {\"name\", \"text\"}")
    Path prompts;

    @Option(names = "--out", required = true, paramLabel = "OUT.json")
    Path out;

    /** Unset means {@link #DEFAULT_TOP}, or every word a prediction can be when a (test) model has fewer. */
    @Option(names = "--top", description = "predictions per point (default: 20)")
    Integer requestedTop;

    private static final int DEFAULT_TOP = 20;

    @Option(names = "--explain", description = "also write each point's why and what-if (FORMATS.md section 3.1)")
    boolean explain;

    @Mixin
    ThreadOptions threadOptions = new ThreadOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Tracer.Prompt> list = readPrompts(prompts);
        if (requestedTop != null && requestedTop < 1) {
            throw new InputException(null, "--top must be at least 1, not " + requestedTop + ".", "pass --top 20.");
        }
        AttoGpt engine = new AttoGpt(modelOptions.load());
        int predictable = engine.tokenizer().predictableWords();
        int top = requestedTop == null ? Math.min(DEFAULT_TOP, predictable) : requestedTop;
        if (top > predictable) {
            // the file's "topn" would promise more predictions than a point can have
            throw new InputException(null, "--top must be at most " + predictable + ", the words a prediction can be (the "
                    + "vocabulary less <pad>, <bos> and <unk>), not " + top + ".", "pass --top " + predictable + " or less.");
        }
        for (Tracer.Prompt p : list) {
            engine.tokenizer().encode(p.text()).unknownWords().forEach(w ->
                    spec.commandLine().getErr().println("warning: " + prompts + ": prompt \"" + p.name() + "\": " + w.describe()));
        }
        int n = threadOptions.count();
        if (Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a folder; pass the name of the file to write, e.g. --out "
                    + out.resolve("points.json") + ".");
        }
        List<PromptTrace> traces;
        try (Tracer tracer = new Tracer(engine, top, n, explain)) {
            traces = tracer.traceAll(list);
        }
        TraceFile file = new TraceFile(engine.modelSha256(), engine.config().topkAttn(), top, traces);
        try {
            Path parent = out.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Json.writer().writeValue(out.toFile(), file);
        } catch (IOException e) {
            throw new InputException(out, "cannot write the points file: " + e.getMessage() + ".",
                    "pass --out a file name in a writable folder, e.g. --out points.json.");
        }
        return 0;
    }

    static List<Tracer.Prompt> readPrompts(Path file) {
        JsonNode root = JsonFiles.read(file);
        if (!root.isArray()) {
            throw new InputException(file, 1, "a prompts file is a JSON array.", "write [{\"name\": \"first\", \"text\": \"once upon a time\"}].");
        }
        List<Tracer.Prompt> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode p = root.get(i);
            if (!p.path("name").isTextual() || !p.path("text").isTextual()) {
                throw new InputException(file, "prompt " + (i + 1) + " needs a string \"name\" and a string \"text\".",
                        "write {\"name\": \"...\", \"text\": \"...\"}.");
            }
            out.add(new Tracer.Prompt(p.get("name").asText(), p.get("text").asText()));
        }
        return out;
    }
}
