package org.attoscope.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.InputException;
import java.util.concurrent.Callable;
import org.attoscope.capture.CaptureRecorder;
import org.attoscope.capture.CaptureRun;
import org.attoscope.capture.CaptureWriter;
import org.attoscope.model.AttoGpt;
import org.attoscope.model.Encoding;
import org.attoscope.model.OutOfVocabularyWord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "capture", description = "Run the model greedily on a prompt and write a hash-locked capture (FORMATS.md section 4) into <content>/captures/.")
final class CaptureCommand implements Callable<Integer> {
    @Mixin
    ModelOptions modelOptions = new ModelOptions();

    @Option(names = "--prompt", required = true, paramLabel = "TEXT", description = "the text the model reads first")
    String prompt;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "how many tokens to generate greedily")
    int steps;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "capture name, [a-z0-9-]+; writes NAME.safetensors and NAME.json")
    String name;

    @Option(names = "--force", description = "replace a capture of the same name (lessons that show it change too)")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!CaptureWriter.isValidName(name)) {
            throw new ParameterException(spec.commandLine(), "--name \"" + name + "\" is not a capture name: use lower-case letters, digits and '-' (e.g. once-upon).");
        }
        Path captures = modelOptions.content.resolve("captures");
        for (String file : new String[] {name + ".json", name + ".safetensors"}) {
            if (!force && Files.exists(captures.resolve(file))) {
                throw new InputException(captures.resolve(file), "a capture named " + name + " exists already; lessons that show it would change.",
                        "pick another --name, or pass --force to replace it.");
            }
        }
        if (steps < 1) {
            throw new ParameterException(spec.commandLine(), "--steps must be at least 1, not " + steps + ".");
        }
        AttoGpt engine = new AttoGpt(modelOptions.load());
        Encoding encoding = engine.tokenizer().encode(prompt);
        for (OutOfVocabularyWord w : encoding.unknownWords()) {
            spec.commandLine().getErr().println("warning: \"" + w.shown() + "\" is not in the vocabulary and is read as <unk> ("
                    + w.nearestText() + ").");
        }
        CaptureRun run = new CaptureRecorder(engine).record(prompt, steps);
        Path file = CaptureWriter.write(modelOptions.content.resolve("captures"), name, run);
        spec.commandLine().getOut().println("wrote " + file + " (" + run.tensors().size() + " tensors) and " + name + ".json: "
                + run.manifest().promptIds().size() + " prompt tokens, output \"" + run.manifest().outputText() + "\"");
        return 0;
    }
}
