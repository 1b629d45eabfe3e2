package org.attoscope.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.util.Json;
import org.attoscope.util.Sha256;

/**
 * {@code .attoscope-site.json} at the root of every published site: every file attoscope wrote there, with its
 * sha256. It is how a later build knows a folder is attoscope's own to replace, and which of its files are
 * attoscope's: anything the marker does not list was put there by someone else and is never removed. The verifier
 * reads it too, as the record of the scripts and styles the build shipped.
 *
 * @param files sha256 (lower-case hex) by path from the site root, {@code /}-separated
 */
public record SiteMarker(Map<String, String> files) {
    public static final String NAME = ".attoscope-site.json";
    private static final String GENERATOR = "attoscope";

    public SiteMarker {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** Every file under {@code dir} (a staging folder: attoscope wrote all of it), but a marker already there. */
    public static SiteMarker scan(Path dir) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                String path = relative(dir, p);
                if (!path.equals(NAME)) {
                    files.put(path, Sha256.hex(Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new InputException(dir, "cannot read the new site back: " + e.getMessage() + ".", "check the folder's permissions.");
        }
        return new SiteMarker(files);
    }

    /** The marker of the site in {@code dir}, or empty when the folder has none (not attoscope's, or built before markers). */
    public static Optional<SiteMarker> read(Path dir) {
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            JsonNode root = Json.mapper().readTree(file.toFile());
            if (!GENERATOR.equals(root.path("generator").asText()) || !root.path("files").isObject()) {
                return Optional.empty();
            }
            Map<String, String> files = new TreeMap<>();
            root.path("files").fields().forEachRemaining(e -> files.put(e.getKey(), e.getValue().asText()));
            return Optional.of(new SiteMarker(files));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** This marker after an in-place update: {@code written} files (re)hashed, {@code deleted} ones gone. */
    public SiteMarker updated(Map<String, byte[]> written, List<String> deleted) {
        Map<String, String> next = new TreeMap<>(files);
        written.forEach((path, bytes) -> next.put(path, Sha256.hex(bytes)));
        deleted.forEach(next::remove);
        return new SiteMarker(next);
    }

    /** Writes the marker into {@code dir}. */
    public void writeTo(Path dir) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("generator", GENERATOR);
        root.put("note", "the files attoscope wrote into this folder; a rebuild replaces exactly these and refuses to remove anything else");
        ObjectNode list = root.putObject("files");
        files.forEach(list::put);
        Files.write(dir.resolve(NAME), (Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * What in {@code dir} attoscope did not write: files and links the marker does not list, and folders that hold
     * none of its files. Sorted; empty for a site exactly as attoscope left it (its files may have been edited).
     */
    public List<String> foreignEntries(Path dir) throws IOException {
        Set<String> folders = new TreeSet<>();
        for (String f : files.keySet()) {
            for (int slash = f.indexOf('/'); slash >= 0; slash = f.indexOf('/', slash + 1)) {
                folders.add(f.substring(0, slash));
            }
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.skip(1).sorted().toList()) {
                String path = relative(dir, p);
                boolean ours = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? folders.contains(path)
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (files.containsKey(path) || path.equals(NAME));
                if (!ours) {
                    out.add(path);
                }
            }
        }
        return out;
    }

    private static String relative(Path dir, Path p) {
        return dir.relativize(p).toString().replace('\\', '/');
    }
}
