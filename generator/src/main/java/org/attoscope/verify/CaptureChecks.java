package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attoscope.InputException;
import org.attoscope.capture.Capture;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.capture.CaptureManifest;
import org.attoscope.capture.CapturedTensor;
import org.attoscope.model.ModelBundle;
import org.attoscope.verify.audit.CaptureMeaning;
import org.attoscope.capture.CaptureReplay;
import org.attoscope.capture.Mismatch;
import org.attoscope.capture.ReplayReport;

/**
 * Every capture in the content folder, whether figures use it or not: each tensor's hash lock, each value finite
 * (opening a tensor refuses NaN and infinity, naming the tensor and index), and a re-run of every capture whose
 * manifest names the loaded model, reporting any drift tensor by tensor. A capture made by {@code attoscope capture}
 * must also mean what its tensors' names say ({@link CaptureMeaning}): attention rows are probabilities summing to 1,
 * top-k rows keep at most k weights, on the largest dense scores of the same step, and each step's logits have the
 * generated token as their argmax.
 */
final class CaptureChecks {

    record Outcome(CaptureReport report, List<Finding> findings) {
    }

    private final CaptureLibrary library;
    private final CaptureReplay replay;
    private final ModelBundle bundle;

    CaptureChecks(CaptureLibrary library, CaptureReplay replay, ModelBundle bundle) {
        this.library = library;
        this.replay = replay;
        this.bundle = bundle;
    }

    List<Outcome> run() {
        List<Outcome> out = new ArrayList<>();
        for (String name : library.names()) {
            out.add(check(name));
        }
        return out;
    }

    private Outcome check(String name) {
        List<Finding> findings = new ArrayList<>();
        Capture capture;
        try {
            capture = library.get(name);
        } catch (InputException e) {
            findings.add(finding(e));
            return new Outcome(new CaptureReport(name, 0, 0, "skipped", 0, "it cannot be loaded"), findings);
        }
        String file = capture.safetensorsFile().toString();
        List<String> broken = new ArrayList<>();
        for (Mismatch m : capture.checkHashLocks()) {
            broken.add(m.subject());
            findings.add(Finding.of(file, "tensor " + m.subject() + " does not match its hash lock: the manifest says sha256 "
                    + m.expected() + ", its bytes hash to " + m.actual()));
        }
        int held = 0;
        for (String tensor : capture.tensorNames()) {
            if (broken.contains(tensor)) {
                continue;
            }
            try {
                capture.tensor(tensor);
                held++;
            } catch (InputException e) {
                findings.add(finding(e));
            }
        }
        if (CaptureManifest.ATTOSCOPE_GENERATOR.equals(capture.manifest().generator())) {
            meaning(capture, broken, findings);
        }
        ReplayReport run = replay.replay(capture);
        for (Mismatch m : run.drifts()) {
            findings.add(Finding.of(capture.manifestFile().toString(), "replay drift in " + m.subject() + ": the capture says "
                    + m.expected() + ", a fresh run gives " + m.actual()));
        }
        return new Outcome(new CaptureReport(name, capture.tensorNames().size(), held, run.outcome().name().toLowerCase(Locale.ROOT),
                run.tensorsCompared(), run.reason()), findings);
    }

    private void meaning(Capture capture, List<String> broken, List<Finding> findings) {
        String file = capture.safetensorsFile().toString();
        boolean sameModel = bundle.sha256().equals(capture.manifest().modelSha256());
        for (String name : capture.tensorNames()) {
            if (broken.contains(name)) {
                continue;
            }
            try {
                if (CaptureMeaning.isAttention(name)) {
                    CapturedTensor t = capture.tensor(name);
                    List<String> problems = new ArrayList<>(CaptureMeaning.attentionRows(name, t.shape(), t.values()));
                    problems.addAll(CaptureMeaning.causal(name, t.shape(), t.values()));
                    String dense = CaptureMeaning.isTopK(name) ? CaptureMeaning.denseOf(name) : null;
                    if (sameModel && dense != null && capture.hasTensor(dense) && !broken.contains(dense)) {
                        problems.addAll(CaptureMeaning.topK(name, t.shape(), t.values(), capture.tensor(dense).values(),
                                bundle.config().topkAttn()));
                    }
                    problems.forEach(p -> findings.add(Finding.of(file, p)));
                }
                int step = CaptureMeaning.logitsStep(name);
                List<Integer> out = capture.manifest().outputIds();
                if (step >= 0 && step < out.size()) {
                    int argmax = CaptureMeaning.argmax(capture.tensor(name).values());
                    if (argmax != out.get(step)) {
                        findings.add(Finding.of(capture.manifestFile().toString(), "output_ids[" + step + "] is " + out.get(step)
                                + ", but the argmax of " + name + " is " + argmax + "; greedy decoding takes the argmax"));
                    }
                }
            } catch (InputException e) {
                // the lock and finiteness checks above already name this tensor
            }
        }
    }

    private static Finding finding(InputException e) {
        return Finding.of(e.file() == null ? "" : e.file() + (e.line() > 0 ? ":" + e.line() : ""), e.problem());
    }
}
