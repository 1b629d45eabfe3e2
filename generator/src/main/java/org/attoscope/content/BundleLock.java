package org.attoscope.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.model.ModelBundle;
import org.attoscope.util.Sha256;

/**
 * The model bundle a site is locked to: the hashes of both files that change its pages, {@code model.bin} and
 * {@code tokenizer.json}. They come from site.json's pins ({@code model.sha256}, {@code model.tokenizer_sha256});
 * a site.json that pins nothing is locked to the bundle it names, when another bundle is passed with {@code --model}.
 *
 * @param where          what the hashes come from, for messages
 * @param modelSha256    expected model.bin hash, or null for any
 * @param tokenizerSha256 expected tokenizer.json hash, or null for any
 */
public record BundleLock(String where, String modelSha256, String tokenizerSha256, SiteConfig site) {

    /** @param otherBundle whether the bundle is not the one site.json names (it came from {@code --model}) */
    public static BundleLock of(SiteConfig site, boolean otherBundle) {
        if (site.modelSha256() != null || site.tokenizerSha256() != null || !otherBundle
                || !Files.isRegularFile(site.modelDir().resolve("model.bin"))) {
            return new BundleLock("site.json pins", site.modelSha256(), site.tokenizerSha256(), site);
        }
        return new BundleLock("site.json names " + site.modelDir() + ", which has", hash(site.modelDir().resolve("model.bin")),
                hash(site.modelDir().resolve("tokenizer.json")), site);
    }

    /** Why {@code bundle} is not the locked one, or null when it is; throws when site.json locks the weights but not the vocabulary. */
    public String difference(ModelBundle bundle) {
        if (modelSha256 != null && tokenizerSha256 == null && !bundle.manifestJson().hasNonNull("tokenizer_sha256")) {
            throw new InputException(site.file(), org.attoscope.util.JsonFiles.lineOf(site.file(), "sha256"),
                    "site.json pins model.bin's sha256 but not tokenizer.json's, and the bundle's manifest has no tokenizer_sha256: "
                            + "a changed vocabulary would change every page unnoticed.",
                    "add \"tokenizer_sha256\": \"" + bundle.tokenizerSha256() + "\" to \"model\" in site.json (the hash of "
                            + bundle.dir().resolve("tokenizer.json") + ") if that file is the one the site was written for.");
        }
        StringBuilder sb = new StringBuilder();
        if (modelSha256 != null && !modelSha256.equalsIgnoreCase(bundle.sha256())) {
            sb.append("model.bin sha256 ").append(modelSha256).append(" but ").append(bundle.dir().resolve("model.bin")).append(" has ").append(bundle.sha256());
        }
        if (tokenizerSha256 != null && !tokenizerSha256.equalsIgnoreCase(bundle.tokenizerSha256())) {
            sb.append(sb.length() > 0 ? ", and " : "").append("tokenizer.json sha256 ").append(tokenizerSha256).append(" but ")
                    .append(bundle.dir().resolve("tokenizer.json")).append(" has ").append(bundle.tokenizerSha256());
        }
        return sb.length() == 0 ? null : "the model bundle is not the one this site is locked to: " + where + " " + sb + ".";
    }

    private static String hash(Path file) {
        try {
            return Files.isRegularFile(file) ? Sha256.hex(Files.readAllBytes(file)) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
