package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attoscope.InputException;
import org.attoscope.capture.Capture;
import org.attoscope.capture.CaptureLibrary;
import org.attoscope.capture.CaptureReplay;
import org.attoscope.capture.Mismatch;
import org.attoscope.capture.ReplayReport;

/**
 * Every capture in the content folder, whether figures use it or not: each tensor's hash lock, each value finite
 * (opening a tensor refuses NaN and infinity, naming the tensor and index), and a re-run of every capture whose
 * manifest names the loaded model, reporting any drift tensor by tensor.
 */
final class CaptureChecks {

    record Outcome(CaptureReport report, List<Finding> findings) {
    }

    private final CaptureLibrary library;
    private final CaptureReplay replay;

    CaptureChecks(CaptureLibrary library, CaptureReplay replay) {
        this.library = library;
        this.replay = replay;
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
        ReplayReport run = replay.replay(capture);
        for (Mismatch m : run.drifts()) {
            findings.add(Finding.of(capture.manifestFile().toString(), "replay drift in " + m.subject() + ": the capture says "
                    + m.expected() + ", a fresh run gives " + m.actual()));
        }
        return new Outcome(new CaptureReport(name, capture.tensorNames().size(), held, run.outcome().name().toLowerCase(Locale.ROOT),
                run.tensorsCompared(), run.reason()), findings);
    }

    private static Finding finding(InputException e) {
        return Finding.of(e.file() == null ? "" : e.file() + (e.line() > 0 ? ":" + e.line() : ""), e.problem());
    }
}
