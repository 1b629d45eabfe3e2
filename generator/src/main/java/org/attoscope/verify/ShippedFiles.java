package org.attoscope.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.attoscope.pages.Addresses;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;

/**
 * The files the build wrote, with their sha256: the allow-list of scripts and styles a page may use. A published
 * site carries the build's record ({@code .attoscope-site.json}, read here as data); a staged site, which only the
 * build has written to, is its own record.
 */
final class ShippedFiles {
    static final String MARKER = ".attoscope-site.json";

    private final Map<String, String> sha256ByPath;
    private final List<Finding> findings;
    /** The staged site whose every file the build wrote, or null for a published site checked against its record. */
    private final BuiltSite staged;

    private ShippedFiles(Map<String, String> sha256ByPath, List<Finding> findings, BuiltSite staged) {
        this.sha256ByPath = sha256ByPath;
        this.findings = findings;
        this.staged = staged;
    }

    /**
     * A staged site: everything in it was written by the build, so a file is shipped when it is there. Nothing is
     * hashed up front (hashing every page of a large site cost seconds). A page checked while the build is still
     * writing may miss a script written after it: the build's verification checks such a page again at the end.
     */
    static ShippedFiles staged(BuiltSite site) {
        return new ShippedFiles(Map.of(), List.of(), site);
    }

    /** A published site: its record, and a finding for every file that no longer matches it. */
    static ShippedFiles published(BuiltSite site) {
        List<Finding> findings = new ArrayList<>();
        Map<String, String> files = new TreeMap<>();
        if (!Files.isRegularFile(site.resolve(MARKER))) {
            findings.add(Finding.of(site.name(MARKER), "missing: without the build's record of the files it wrote, no script or style "
                    + "of the site can be told from one added later; build the site with `attoscope build`"));
            return new ShippedFiles(files, findings, null);
        }
        try {
            JsonNode root = Json.mapper().readTree(site.resolve(MARKER).toFile());
            root.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
        } catch (IOException e) {
            findings.add(Finding.of(site.name(MARKER), "unreadable: " + e.getMessage()));
        }
        for (String path : site.files()) {
            if (path.equals(MARKER) || path.startsWith(Addresses.VERIFICATION_FOLDER + "/")) {
                continue; // the report is checked against a fresh one, byte for byte
            }
            String expected = files.get(path);
            if (expected == null) {
                if (path.endsWith(".js") || path.endsWith(".css")) {
                    findings.add(Finding.of(site.name(path), "the build did not write this file (it is not in " + MARKER + ")"));
                }
            } else if ((path.endsWith(".js") || path.endsWith(".css")) && !expected.equals(Sha256.hex(site.read(path)))) {
                // pages are checked for what they show, value by value; scripts and styles only by being the build's own
                findings.add(Finding.of(site.name(path), "changed since the build wrote it: its sha256 is not the one " + MARKER + " records"));
            }
        }
        return new ShippedFiles(files, findings, null);
    }

    /** Whether {@code path} is a file the build wrote with exactly these bytes. */
    boolean wrote(String path, byte[] bytes) {
        if (staged != null) {
            return Files.isRegularFile(staged.resolve(path));
        }
        String expected = sha256ByPath.get(path);
        return expected != null && expected.equals(Sha256.hex(bytes));
    }

    List<Finding> findings() {
        return findings;
    }
}
