package org.attoscope.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.attoscope.InputException;
import org.attoscope.pages.Addresses;

/**
 * A built site folder as files: its pages and assets by path from the site root ({@code /}-separated, sorted), and
 * how findings name them.
 *
 * @param dir     the folder
 * @param display how findings name the folder, e.g. {@code site} (the build verifies a staging folder but findings
 *                should name the site the author knows)
 */
public record BuiltSite(Path dir, String display) {

    /** Where the verifier writes its report, from the site root. */
    public static final String REPORT_PAGE = Addresses.VERIFICATION;
    public static final String REPORT_JSON = Addresses.VERIFICATION_JSON;

    public static BuiltSite open(Path dir, String display) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "there is no built site here.", "build it first with `attoscope build`, or pass --site DIR.");
        }
        return new BuiltSite(dir, display);
    }

    /** Every file, sorted by path. */
    public List<String> files() {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir, "cannot list the site: " + e.getMessage() + ".", "check the folder's permissions.");
        }
    }

    /** The pages the report describes: every HTML file except the report's own. */
    public List<String> pages() {
        return files().stream().filter(BuiltSite::isPage).toList();
    }

    /** Whether the file at {@code path} is one of {@link #pages()}. */
    static boolean isPage(String path) {
        return path.endsWith(".html") && !path.startsWith(Addresses.VERIFICATION_FOLDER + "/");
    }

    /** Style sheets and scripts, checked for network loads. */
    public List<String> assets() {
        return files().stream().filter(f -> f.endsWith(".css") || f.endsWith(".js")).toList();
    }

    public Path resolve(String path) {
        return dir.resolve(path);
    }

    public byte[] read(String path) {
        try {
            return Files.readAllBytes(dir.resolve(path));
        } catch (IOException e) {
            throw new InputException(dir.resolve(path), "cannot read the file: " + e.getMessage() + ".", "check its permissions.");
        }
    }

    /** {@code site/explore/x/index.html}: how a finding names a file. */
    public String name(String path) {
        return display + "/" + path;
    }
}
