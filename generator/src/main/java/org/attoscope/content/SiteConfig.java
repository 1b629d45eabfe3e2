package org.attoscope.content;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.util.JsonFiles;

/**
 * {@code content/site.json}: the site's title, an optional base URL, and the model bundle with the hashes it is
 * pinned to ({@code sha256} of model.bin, {@code tokenizer_sha256} of tokenizer.json: both change every page).
 * Paths in it are relative to the file itself, so a content folder can be moved with its configuration.
 */
public record SiteConfig(Path file, String title, String baseUrl, Path modelDir, String modelSha256, String tokenizerSha256) {

    public static SiteConfig load(Path contentDir) {
        Path file = contentDir.resolve("site.json");
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, "there is no site.json in the content folder.",
                    "create it with {\"title\": \"...\", \"model\": {\"path\": \"../../shared/attogpt\", \"sha256\": \"...\"}} or pass --content.");
        }
        JsonNode root = JsonFiles.read(file);
        String title = root.path("title").asText("");
        if (title.isBlank()) {
            throw new InputException(file, JsonFiles.lineOf(file, "title"), "\"title\" is missing or empty.", "give the site a title.");
        }
        JsonNode model = root.path("model");
        String path = model.isTextual() ? model.asText() : model.path("path").asText("");
        if (path.isBlank()) {
            throw new InputException(file, JsonFiles.lineOf(file, "model"), "\"model\" does not name a model bundle folder.",
                    "set \"model\": {\"path\": \"<folder with manifest.json>\", \"sha256\": \"<model.bin sha256>\"}.");
        }
        String sha = model.path("sha256").asText(null);
        String tokenizerSha = model.path("tokenizer_sha256").asText(null);
        String baseUrl = root.hasNonNull("base_url") ? root.get("base_url").asText().strip() : null;
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw new InputException(file, JsonFiles.lineOf(file, "base_url"), "\"base_url\" is not the address of a site: " + baseUrl + ".",
                    "give the full address the site is published at, e.g. \"https://you.github.io/attoscope/\", or remove base_url.");
        }
        Path dir = file.toAbsolutePath().getParent().resolve(path).normalize();
        return new SiteConfig(file, title, baseUrl, dir, sha, tokenizerSha);
    }
}
