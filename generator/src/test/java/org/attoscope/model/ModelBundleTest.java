package org.attoscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.attoscope.InputException;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyBundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle the engine could misread is refused at load, in one sentence that names the file and what is wrong. */
class ModelBundleTest {
    @TempDir
    Path dir;

    @Test
    void theRealBundleLoadsWithItsPublishedHashAndParameterCount() {
        ModelBundle real = TestModels.realBundle();
        assertEquals("58635aa192f167388ebf93961917dd894516193a5fb19dc812476870dee6fd0b", real.sha256());
        assertEquals(983_520, real.parameterCount());
        assertEquals(new ModelConfig(4096, 128, 160, 2, 640, 5), real.config());
    }

    @Test
    void aMissingFolderIsNamed() {
        InputException e = refused(dir.resolve("nope"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aTruncatedModelBinIsRefused() throws IOException {
        Path b = new TinyBundle().writeTo(dir);
        byte[] bytes = Files.readAllBytes(b.resolve("model.bin"));
        Files.write(b.resolve("model.bin"), java.util.Arrays.copyOf(bytes, bytes.length - 4));
        InputException e = refused(b);
        assertEquals(b.resolve("model.bin"), e.file());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void aPaddedModelBinIsRefused() throws IOException {
        Path b = new TinyBundle().writeTo(dir);
        Files.write(b.resolve("model.bin"), new byte[] {0, 0, 0, 0}, StandardOpenOption.APPEND);
        assertTrue(refused(b).getMessage().contains("padded"));
    }

    @Test
    void aChangedWeightFailsTheHashLock() throws IOException {
        Path b = new TinyBundle().writeTo(dir);
        byte[] bytes = Files.readAllBytes(b.resolve("model.bin"));
        bytes[10] ^= 1;
        Files.write(b.resolve("model.bin"), bytes);
        InputException e = refused(b);
        assertEquals(b.resolve("model.bin"), e.file());
        assertTrue(e.getMessage().contains("does not match its hash lock"), e.getMessage());
    }

    @Test
    void aMissingTensorIsNamed() {
        Path b = new TinyBundle().editManifest(m -> ((ObjectNode) m.get("tensors")).remove("ln_f.weight")).writeTo(dir);
        InputException e = refused(b);
        assertEquals(b.resolve("manifest.json"), e.file());
        assertTrue(e.getMessage().contains("ln_f.weight is missing"), e.getMessage());
    }

    @Test
    void aShapeThatDisagreesWithTheConfigIsNamed() {
        Path b = new TinyBundle().editManifest(m -> {
            ArrayNode shape = (ArrayNode) m.get("tensors").get("block.attn.proj.weight").get("shape");
            shape.removeAll();
            shape.add(4).add(16);
        }).writeTo(dir);
        assertTrue(refused(b).getMessage().contains("block.attn.proj.weight has shape [4, 16]"));
    }

    @Test
    void malformedJsonIsReportedWithItsLine() throws IOException {
        Path b = new TinyBundle().writeTo(dir);
        Files.writeString(b.resolve("manifest.json"), "{\n  \"format\": \"tiny-gpt-web-f32-v1\",\n  \"config\": {,\n}");
        InputException e = refused(b);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(b.resolve("manifest.json") + ":3: malformed JSON"), e.getMessage());
    }

    @Test
    void aConfigTheEngineDoesNotImplementIsRefused() {
        Path b = new TinyBundle().editManifest(m -> ((ObjectNode) m.get("config")).put("norm", "layernorm")).writeTo(dir);
        assertTrue(refused(b).getMessage().contains("config.norm is \"layernorm\""));
    }

    @Test
    void aVocabularyOfTheWrongSizeIsRefused() throws IOException {
        Path b = new TinyBundle().writeTo(dir);
        Files.writeString(b.resolve("tokenizer.json"), "{\"kind\": \"word\", \"itos\": [\"<pad>\", \"<bos>\", \"<unk>\"]}");
        InputException e = refused(b);
        assertEquals(b.resolve("tokenizer.json"), e.file());
        assertTrue(e.getMessage().contains("3 words but manifest.json says vocab_size 16"), e.getMessage());
    }

    private static InputException refused(Path bundle) {
        return assertThrows(InputException.class, () -> ModelBundle.load(bundle));
    }
}
