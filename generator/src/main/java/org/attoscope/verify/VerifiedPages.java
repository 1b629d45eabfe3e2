package org.attoscope.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
import org.attoscope.util.AtomicFiles;
import org.attoscope.util.Json;

/**
 * Incremental verification: the outcomes of clean page checks from earlier runs, so a page whose bytes and inputs
 * are unchanged is not re-derived. What a page's check reads, and so what its entry is found by:
 *
 * <ul>
 *   <li>in the entry's key, what every check shares or may read: the verifier itself (the bytes of the jar or class
 *       folder it runs from, which hold its rules, its scales' data and its HTML checker with its schema); whether
 *       the site is staged or published (a staged site's scripts count as the build's when present, a published
 *       site's only when its record lists their bytes); the model bundle's files (the tokenizer and weights of the
 *       forward pass any story's check runs, and the words the explorer panel is read with); {@code site.json} (its
 *       base URL decides how the 404 page's URLs resolve); every capture (a capture figure reads its capture through
 *       the hash locks, by name); and the page's path and bytes, from which every figure, the embedded points, each
 *       SVG, each inline script, the allow-list and HTML validity are judged. The model and the captures are keyed
 *       whole, not per page: they change rarely, and then a wider re-check is the safe side;</li>
 *   <li>inside the entry, checked on every lookup: each file of the site the check resolved ({@link PageInputs}: the
 *       scripts and style sheets the page loads, by what {@link ScriptAllowList#input} found there), and each story
 *       it asked for, by the sha256 of the story's file (its text and the excerpt the pass runs on) and of its
 *       explorer page (whose embedded {@code explain} targets decide what the story's run explains).</li>
 * </ul>
 * No other file of the site is read by a page's check: links and anchors are resolved afresh every run, over every
 * page's outcome, by {@link SiteLinks}, and the scripts' and styles' own contents by {@link AssetCheck}. So editing
 * one story re-checks only the pages whose bytes change (its explorer, the lists and neighbours that show it), those
 * loading a script that changes with it (the search page loads the index of every story's words) and those that ask
 * for the story, and an edited script or style re-checks every page loading it. Any other change makes
 * another key or a mismatch, and the page is checked afresh; only clean outcomes are kept, so a finding is always
 * re-derived, and an entry that is not whole, names another page or holds a finding is never taken.
 *
 * <p>A build checks each page as soon as it is written, while it writes the others. A page whose entry differs from
 * the site only by files not written yet (the playground's weights script, written after its page) is looked up again
 * once every file is in ({@link Lookup#awaitsWrites}), rather than checked against a half-written site; so a rebuild
 * of an unchanged site takes every page from the cache, whatever order the build's threads happen to write in.
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
    /** What an input records of a file that is not there: what {@link ScriptAllowList#input} says of one. */
    private static final String ABSENT = ScriptAllowList.ABSENT;

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
    /** What the check of a page finds now at a file of the site it resolved ({@link ScriptAllowList#input}). */
    private final Function<String, String> fileInputs;
    private final ObjectMapper mapper = Json.mapper();
    /** The keys this run looked up or wrote: every page's, once its check is done. */
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    private VerifiedPages(Location location, boolean staged, String inputs, Function<String, String> storyInputs,
                          Function<String, String> fileInputs) {
        this.dir = location.dir();
        this.site = location.site().toString();
        this.staged = staged;
        this.inputs = inputs;
        this.storyInputs = storyInputs;
        this.fileInputs = fileInputs;
    }

    /**
     * @param location    where the entries live, and the site they are for
     * @param content     the content folder the site was built from
     * @param modelDir    the model bundle's folder
     * @param site        the site being checked
     * @param staged      whether it is a staging folder (its every file the build's) or a published site
     * @param fileInputs  what a page's check finds now at a file of the site it resolved, as it recorded it
     */
    static VerifiedPages open(Location location, Path content, Path modelDir, BuiltSite site, boolean staged,
                              Function<String, String> fileInputs) {
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
        Path stories = content.resolve("stories");
        return new VerifiedPages(location, staged, HexFormat.of().formatHex(d.digest()),
                slug -> sha256(stories.resolve(slug + ".md")) + " " + sha256(site.resolve("explore/" + slug + "/index.html")),
                fileInputs);
    }

    /** The key of one page's entry. */
    String key(String path, byte[] bytes) {
        MessageDigest d = sha256();
        add(d, "inputs", inputs);
        add(d, "page", path);
        add(d, "bytes", HexFormat.of().formatHex(sha256().digest(bytes)));
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * What a lookup found: the outcome kept for the page, or null; and, when there is none, whether the entry would be
     * taken but for files the site does not have yet ({@link #awaitsWrites}).
     *
     * @param awaitsWrites the entry is whole and clean, for this page, and every read it records that differs now is a
     *                     file that is absent now (a script the page loads, the explorer of a story it asks for). A
     *                     build checking a page as soon as it is written meets exactly this: its entry names a file
     *                     the build writes next. Checked now, the page would read the build half-way; checked once
     *                     every file is in, it is taken from the cache.
     */
    record Lookup(PageOutcome outcome, boolean awaitsWrites) {
        static final Lookup MISS = new Lookup(null, false);
    }

    /**
     * The outcome kept under {@code key} for the page at {@code path}: none when there is no entry, it is not whole, or
     * a file or story its check read has changed since.
     */
    Lookup find(String key, String path) {
        used.add(key);
        Path file = dir.resolve(key + ".json");
        if (!Files.isRegularFile(file)) {
            return Lookup.MISS;
        }
        try {
            JsonNode entry = mapper.readTree(file.toFile());
            // an entry without its reads could not be told stale; keep() always writes both
            if (entry == null || !entry.path("files").isObject() || !entry.path("stories").isObject()) {
                return Lookup.MISS;
            }
            PageOutcome outcome = mapper.treeToValue(entry.path("outcome"), PageOutcome.class);
            // only clean outcomes of this page are kept: anything else is not an entry keep() wrote for it
            if (outcome == null || !path.equals(outcome.path()) || outcome.findings() == null || !outcome.findings().isEmpty()) {
                return Lookup.MISS;
            }
            Reads files = compare(entry.get("files"), fileInputs);
            Reads stories = compare(entry.get("stories"), storyInputs);
            if (files == Reads.SAME && stories == Reads.SAME) {
                return new Lookup(outcome, false);
            }
            return new Lookup(null, files != Reads.CHANGED && stories != Reads.CHANGED);
        } catch (IOException | RuntimeException e) {
            return Lookup.MISS; // an unreadable entry is a miss: the page is checked afresh and the entry rewritten
        }
    }

    /** How the reads an entry records compare with what is there now. */
    private enum Reads { SAME, SOME_ABSENT, CHANGED }

    /**
     * Each name recorded in {@code recorded} against the value it has now: the same, or differing only where a
     * file is absent now ({@link #ABSENT} in place of the sha256 recorded), or changed.
     */
    private static Reads compare(JsonNode recorded, Function<String, String> now) {
        Reads reads = Reads.SAME;
        var fields = recorded.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            if (!f.getValue().isTextual()) {
                return Reads.CHANGED;
            }
            String was = f.getValue().asText();
            String is = now.apply(f.getKey());
            if (!was.equals(is)) {
                if (!onlyAbsent(was, is)) {
                    return Reads.CHANGED;
                }
                reads = Reads.SOME_ABSENT;
            }
        }
        return reads;
    }

    /**
     * Whether {@code now} differs from {@code was} only by absent files: a file's input is {@link #ABSENT} when it is
     * not there ({@link ScriptAllowList#input}), a story's is two sha256s, of its file and of its explorer page, each
     * {@link #ABSENT} when that file is not there.
     */
    private static boolean onlyAbsent(String was, String now) {
        if (now.equals(ABSENT)) {
            return true;
        }
        String[] w = was.split(" ");
        String[] n = now.split(" ");
        if (w.length != n.length) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            if (!w[i].equals(n[i]) && !n[i].equals(ABSENT)) {
                return false;
            }
        }
        return true;
    }

    /** Keeps a clean outcome, with what its check found at each file it resolved and the inputs of each story it asked for. */
    void keep(String key, PageOutcome outcome, PageInputs reads) {
        used.add(key);
        if (!outcome.findings().isEmpty()) {
            return;
        }
        ObjectNode entry = mapper.createObjectNode();
        entry.put("site", site);
        entry.put("staged", staged);
        Map<String, String> stories = new TreeMap<>();
        reads.stories().forEach(slug -> stories.put(slug, storyInputs.apply(slug)));
        entry.set("stories", mapper.valueToTree(stories));
        entry.set("files", mapper.valueToTree(new TreeMap<>(reads.files())));
        entry.set("outcome", mapper.valueToTree(outcome));
        try {
            byte[] bytes = mapper.writeValueAsBytes(entry);
            Files.createDirectories(dir);
            AtomicFiles.replace(dir.resolve(key + ".json"), Files.createTempFile(dir, key, ".part"), bytes);
        } catch (IOException e) {
            // a cache that cannot be written only costs the next run its time; the check itself is complete. A write
            // cut short (a failed build closing the verifier interrupts it) leaves no half entry behind: the
            // temporary file is this run's own, so it is removed (one that cannot be is a .part file, which find
            // never reads).
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
            // exactly the five fields keep() writes
            return entry != null && entry.size() == 5 && entry.path("site").isTextual() && site.equals(entry.get("site").asText())
                    && entry.path("staged").isBoolean() && entry.get("staged").asBoolean() == staged
                    && entry.path("stories").isObject() && entry.path("files").isObject() && entry.path("outcome").isObject();
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

    /** The file's sha256, or {@link #ABSENT} when there is no such file. */
    private static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            return ABSENT;
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
