package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attoscope.model.ModelBundle;
import org.attoscope.testing.Cli;
import org.attoscope.testing.TinyBundle;
import org.attoscope.testing.TinyProject;
import org.attoscope.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input that changes a page is locked: model.bin and tokenizer.json, whichever way the bundle is named. */
class ModelLockTest {
    @TempDir
    Path dir;

    private static String sha(Path file) throws IOException {
        return Sha256.hex(Files.readAllBytes(file));
    }

    private TinyProject pinned() throws IOException {
        TinyProject project = new TinyProject(dir);
        project.write("content/site.json", "{\"title\": \"Tiny site\",\n \"model\": {\"path\": \"../model\",\n  \"sha256\": \""
                + sha(project.model.resolve("model.bin")) + "\",\n  \"tokenizer_sha256\": \"" + sha(project.model.resolve("tokenizer.json")) + "\"}}\n");
        return project;
    }

    @Test
    void twoSwappedWordsInTheTokenizerAreRefusedThoughTheWeightsAreTheSame() throws IOException {
        TinyProject project = pinned();
        assertEquals(0, project.build(), project.err.toString());
        Path tokenizer = project.model.resolve("tokenizer.json");
        Files.writeString(tokenizer, Files.readString(tokenizer).replace("\"cat\"", "\"TMP\"").replace("\"dog\"", "\"cat\"").replace("\"TMP\"", "\"dog\""));
        assertEquals(1, project.build());
        String err = project.err.toString();
        assertTrue(err.contains(project.content.resolve("site.json") + ":2: the model bundle is not the one this site is locked to"), err);
        assertTrue(err.contains("tokenizer.json sha256"), err);
        assertFalse(err.contains("model.bin sha256"), "the weights are unchanged: " + err);
    }

    @Test
    void aManifestThatLocksItsTokenizerIsCheckedAsTheBundleLoads() throws IOException {
        Path bundle = new TinyBundle().editManifest(m -> m.put("tokenizer_sha256", "0".repeat(64))).writeTo(dir.resolve("b"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.attoscope.InputException.class, () -> ModelBundle.load(bundle));
        assertTrue(e.getMessage().startsWith(bundle.resolve("tokenizer.json") + ": tokenizer.json does not match its hash lock"), e.getMessage());
    }

    @Test
    void pinningTheWeightsButNotTheVocabularyIsRefusedWithTheHashToAdd() throws IOException {
        TinyProject project = new TinyProject(dir);
        project.write("content/site.json", "{\"title\": \"T\", \"model\": {\"path\": \"../model\", \"sha256\": \"" + sha(project.model.resolve("model.bin")) + "\"}}\n");
        assertEquals(1, project.build());
        assertTrue(project.err.toString().contains("add \"tokenizer_sha256\": \"" + sha(project.model.resolve("tokenizer.json")) + "\""), project.err.toString());
    }

    @Test
    void modelGoesThroughTheSameLocksAndAnotherBundleNeedsAllowOtherModel() throws IOException {
        TinyProject project = pinned();
        Path other = new TinyBundle().seed(99).writeTo(dir.resolve("other"));
        assertEquals(1, project.build("--model", other.toString()));
        assertTrue(project.err.toString().contains("model.bin sha256"), project.err.toString());
        assertTrue(project.err.toString().contains("pass --allow-other-model"), project.err.toString());
        assertFalse(Files.exists(project.site), "nothing was built");

        assertEquals(0, project.build("--model", other.toString(), "--allow-other-model"), project.err.toString());
        assertTrue(project.err.toString().contains("warning: --allow-other-model"), project.err.toString());
        String shortSha = sha(other.resolve("model.bin")).substring(0, 12);
        for (String page : new String[] {"index.html", "explore/cat/index.html", "lessons/02-attention/index.html", "verification/index.html"}) {
            assertTrue(project.read("site/" + page).contains("Model <code>" + shortSha + "</code>"), page + " names the bundle used");
        }
    }

    @Test
    void withoutPinsTheBundleSiteJsonNamesIsTheLock() throws IOException {
        TinyProject project = new TinyProject(dir);
        Path other = new TinyBundle().seed(99).writeTo(dir.resolve("other"));
        assertEquals(1, project.build("--model", other.toString()));
        assertTrue(project.err.toString().contains("site.json names " + project.model), project.err.toString());
        Path copy = new TinyBundle().writeTo(dir.resolve("copy"));
        assertEquals(0, project.build("--model", copy.toString()), "the same bytes elsewhere are the same bundle: " + project.err);
    }

    @Test
    void aBareBundleWithoutASiteStillRunsPoints() throws IOException {
        Path bundle = new TinyBundle().writeTo(dir.resolve("b"));
        Files.writeString(dir.resolve("p.json"), "[{\"name\": \"a\", \"text\": \"the cat sat\"}]");
        Cli.Run run = Cli.attoscope("points", "--model", bundle.toString(), "--content", dir.resolve("nothing").toString(),
                "--prompts", dir.resolve("p.json").toString(), "--out", dir.resolve("out.json").toString());
        assertEquals(0, run.exit(), run.err());
    }
}
