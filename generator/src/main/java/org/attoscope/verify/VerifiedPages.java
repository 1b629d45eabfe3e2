package org.attoscope.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attoscope.util.Json;

/**
 * Incremental verification: the outcomes of clean page checks from earlier runs, so a page whose bytes and inputs
 * are unchanged is not re-derived. An entry is found by the sha256 of everything the check of that page can read
 * apart from the stories: the verifier itself (the bytes of the jar or class folder it runs from, which hold its
 * rules, its scales' data and its HTML checker), the model bundle's files, {@code site.json} and every capture,
 * every file of the site that is not a page (scripts, styles, the build's record of them), whether the site is
 * staged or published, and the page's path and bytes. The stories the check asked for are named inside the entry
 * with the sha256 of each one's file and explorer page, and must all still match. Any other change makes another key
 * or a mismatch, and the page is checked afresh; only clean outcomes are kept, so a finding is always re-derived.
 *
 * <p>Each entry is written to a temporary file and moved into place, so an interrupted run never leaves half an entry.
 * Every entry names the site folder it was made for and whether that was a build's staged site or a published one;
 * after a clean run, {@link #prune} removes that site's entries of the same kind which the run neither read nor wrote
 * (pages and inputs that are gone). Nothing else in the folder is ever removed: not a file the user put there, not an
 * entry of another site or of the other kind (a build and {@code verify --cache} of the same site keep theirs side by
 * side), not an entry of an older attoscope that named no site.
 */
final class VerifiedPages {
    /** How an entry is named: its key (a sha256 in lower-case hex, as {@link #key} makes it) and {@code .json}. */
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}\\.json");

    /**
     * Where the entries live, and the site folder they are made for.
     *
     * @param dir  the cache's folder
     * @param site the site folder as published, whichever folder a build stages it in
     */
    record Location(Path dir, Path site) {
        Location {
            site = site.toAbsolutePath().normalize();
        }
    }

    private final Path dir;
    private final String site;
    private final boolean staged;
    private final String inputs;
    private final Function<String, String> storyInputs;
    private final ObjectMapper mapper = Json.mapper();
    /** The keys this run looked up or wrote: every page's, once its check is done. */
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private VerifiedPages(Location location, boolean staged, String inputs, Function<String, String> storyInputs) {
        this.dir = location.dir();
        this.site = location.site().toString();
        this.staged = staged;
        this.inputs = inputs;
        this.storyInputs = storyInputs;
    }

    /**
     * @param location    where the entries live, and the site they are for
     * @param content     the content folder the site was built from
     * @param modelDir    the model bundle's folder
     * @param site        the site being checked
     * @param staged      whether it is a staging folder (its every file the build's) or a published site
     */
    static VerifiedPages open(Location location, Path content, Path modelDir, BuiltSite site, boolean staged) {
        MessageDigest d = sha256();
        add(d, "verifier", verifierSha256());
        add(d, "staged", String.valueOf(staged));
        for (Path f : filesUnder(modelDir)) {
            add(d, "model/" + modelDir.relativize(f), sha256(f));
        }
        add(d, "site.json", sha256(content.resolve("site.json")));
        Path captures = content.resolve("captures");
        for (Path f : filesUnder(captures)) {
            add(d, "captures/" + captures.relativize(f), sha256(f));
        }
        for (String f : site.files()) {
            if (!f.endsWith(".html")) {
                add(d, "site/" + f, sha256(site.resolve(f)));
            }
        }
        Path stories = content.resolve("stories");
        return new VerifiedPages(location, staged, HexFormat.of().formatHex(d.digest()),
                slug -> sha256(stories.resolve(slug + ".md")) + " " + sha256(site.resolve("explore/" + slug + "/index.html")));
    }

    /** The key of one page's entry. */
    String key(String path, byte[] bytes) {
        MessageDigest d = sha256();
        add(d, "inputs", inputs);
        add(d, "page", path);
        add(d, "bytes", HexFormat.of().formatHex(sha256().digest(bytes)));
        return HexFormat.of().formatHex(d.digest());
    }

    /** The outcome kept under {@code key}, or null when there is none or a story it used has changed. */
    PageOutcome find(String key) {
        used.add(key);
        Path file = dir.resolve(key + ".json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode entry = mapper.readTree(file.toFile());
            var stories = entry.path("stories").fields();
            while (stories.hasNext()) {
                var s = stories.next();
                if (!s.getValue().asText().equals(storyInputs.apply(s.getKey()))) {
                    return null;
                }
            }
            return mapper.treeToValue(entry.path("outcome"), PageOutcome.class);
        } catch (IOException | RuntimeException e) {
            return null; // an unreadable entry is a miss: the page is checked afresh and the entry rewritten
        }
    }

    /** Keeps a clean outcome, with the inputs of every story its check asked for. */
    void keep(String key, PageOutcome outcome, List<String> storiesAsked) {
        used.add(key);
        if (!outcome.findings().isEmpty()) {
            return;
        }
        ObjectNode entry = mapper.createObjectNode();
        entry.put("site", site);
        entry.put("staged", staged);
        Map<String, String> stories = new TreeMap<>();
        storiesAsked.forEach(slug -> stories.put(slug, storyInputs.apply(slug)));
        entry.set("stories", mapper.valueToTree(stories));
        entry.set("outcome", mapper.valueToTree(outcome));
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, key, ".part");
            Files.write(temp, mapper.writeValueAsBytes(entry));
            try {
                Files.move(temp, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(key + ".json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a cache that cannot be written only costs the next run its time; the check itself is complete. A write
            // cut short (a failed build closing the verifier interrupts it) leaves no half entry behind: the
            // temporary file is this run's own, so it is removed.
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // left as a .part file, which find never reads
                }
            }
        }
    }

    /**
     * Removes the entries for this run's site and kind that it neither read nor wrote. Call it only when the run
     * completed clean: then every page was looked up, so an entry not used is one no page of the site has now. A
     * failed run prunes nothing (the site it checked is not published, and the previous one stays), nor does an
     * interrupted one, which has not looked up every page.
     */
    void prune() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (ENTRY.matcher(name).matches() && !used.contains(name.substring(0, 64)) && ours(file)) {
                    stale.add(file);
                }
            }
            for (Path file : stale) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // pruning only reclaims space: an entry left behind costs its bytes, never a wrong outcome
        }
    }

    /** Whether {@code file} is an entry this class wrote for this run's site and kind (a plain file, never a link). */
    private boolean ours(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            JsonNode entry = mapper.readTree(file.toFile());
            return entry != null && entry.size() == 4 && entry.path("site").isTextual() && site.equals(entry.get("site").asText())
                    && entry.path("staged").isBoolean() && entry.get("staged").asBoolean() == staged
                    && entry.path("stories").isObject() && entry.path("outcome").isObject();
        } catch (IOException | RuntimeException e) {
            return false; // not an entry this class wrote whole
        }
    }

    /** The sha256 of the code this verifier runs: its jar, or every file of its class folder (tests, the IDE). */
    static String verifierSha256() {
        Path code;
        try {
            code = Path.of(VerifiedPages.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate the verifier's own code to key its cache", e);
        }
        if (Files.isRegularFile(code)) {
            return sha256(code);
        }
        MessageDigest d = sha256();
        for (Path f : filesUnder(code)) {
            add(d, code.relativize(f).toString(), sha256(f));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static List<Path> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + " to key the verification cache: " + e.getMessage(), e);
        }
    }

    /** The file's sha256, or {@code none} when there is no such file. */
    private static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return "none";
        }
        MessageDigest d = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                d.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " to key the verification cache: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** A name and its value, each length-prefixed so no two different lists hash alike. */
    private static void add(MessageDigest d, String name, String value) {
        for (String s : new String[] {name, value}) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
            d.update(b);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
