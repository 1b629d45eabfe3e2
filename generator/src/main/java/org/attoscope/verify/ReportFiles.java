package org.attoscope.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.InputException;
import org.attoscope.pages.PageRenderer;

/**
 * The report's files in the site ({@link BuiltSite#REPORT_JSON} and {@link BuiltSite#REPORT_PAGE}): a build writes
 * them into its staged site; verifying a published site compares them byte for byte with the ones this run makes.
 */
final class ReportFiles {
    private ReportFiles() {
    }

    static void write(BuiltSite site, VerificationReport report, PageRenderer renderer) {
        for (Map.Entry<String, byte[]> f : files(report, renderer).entrySet()) {
            Path file = site.resolve(f.getKey());
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            } catch (IOException e) {
                throw problem(file, "write", e);
            }
        }
    }

    /** What differs between the site's report and {@code report}; empty when the site's is this one. */
    static List<Finding> compare(BuiltSite site, VerificationReport report, PageRenderer renderer) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files(report, renderer).entrySet()) {
            Path file = site.resolve(f.getKey());
            try {
                if (!Files.isRegularFile(file)) {
                    out.add(Finding.of(site.name(f.getKey()), "missing: the site has no verification report; build it with `attoscope build`"));
                } else {
                    String difference = ReportDifference.first(Files.readAllBytes(file), f.getValue());
                    if (difference != null) {
                        out.add(Finding.of(site.name(f.getKey()), "the report does not describe this site as it is now: " + difference));
                    }
                }
            } catch (IOException e) {
                throw problem(file, "read", e);
            }
        }
        return out;
    }

    private static Map<String, byte[]> files(VerificationReport report, PageRenderer renderer) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BuiltSite.REPORT_JSON, ReportJson.write(report));
        files.put(BuiltSite.REPORT_PAGE, ReportPage.write(report, renderer));
        return files;
    }

    private static InputException problem(Path file, String verb, IOException e) {
        return new InputException(file, "cannot " + verb + " the verification report: " + e.getMessage() + ".",
                "check the site folder's permissions.");
    }
}
