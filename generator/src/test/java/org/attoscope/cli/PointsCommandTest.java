package org.attoscope.cli;

import static org.attoscope.testing.Cli.attoscope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attoscope.testing.Cli.Run;
import org.attoscope.testing.TestModels;
import org.attoscope.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointsCommandTest {
    @TempDir
    Path dir;


    @Test
    void writesEveryPointOfEveryPromptInTheTraceFormat() throws Exception {
        Path prompts = Files.writeString(dir.resolve("p.json"), "[{\"name\": \"a\", \"text\": \"the dog ran.\"}, {\"name\": \"b\", \"text\": \"Lily smiled\"}]");
        Path out = dir.resolve("out/points.json");
        Run run = points(prompts, out, "--top", "3");
        assertEquals(0, run.exit(), run.err());
        JsonNode file = Json.mapper().readTree(out.toFile());
        assertEquals(TestModels.realBundle().sha256(), file.get("model_sha256").asText());
        assertEquals(5, file.get("topk_attn").asInt());
        assertEquals(3, file.get("topn").asInt());
        JsonNode a = file.get("prompts").get(0);
        assertEquals("[\"<bos>\",\"the\",\"dog\",\"ran\",\".\"]", a.get("tokens").toString());
        assertEquals(5, a.get("points").size());
        assertEquals(3, a.get("points").get(0).get("predictions").size());
        assertTrue(a.get("points").get(4).get("next").isNull(), "the last point has nothing after it");
        assertEquals(2, file.get("prompts").get(1).get("points").get(0).get("heads").size());
    }

    @Test
    void wordsOutsideTheVocabularyAreReportedWithPositionAndNearestWords() throws Exception {
        Path prompts = Files.writeString(dir.resolve("p.json"), "[{\"name\": \"zoo\", \"text\": \"the xylophone fell\"}]");
        Run run = attoscope("points", "--model", TestModels.realBundleDir().toString(), "--prompts", prompts.toString(),
                "--out", dir.resolve("o.json").toString());
        assertEquals(0, run.exit(), "an unknown word is read as <unk>, not an error");
        assertTrue(run.err().contains("prompt \"zoo\": \"xylophone\" at token 2 is not in the vocabulary (read as <unk>); "
                + "nearest words: telephone, phone, microphone"), run.err());
    }

    @Test
    void aMalformedPromptsFileIsAFindingWithItsLine() throws Exception {
        Path prompts = Files.writeString(dir.resolve("p.json"), "[\n  {\"name\": \"a\",\n   \"text\": }\n]");
        Run run = attoscope("points", "--model", TestModels.realBundleDir().toString(), "--prompts", prompts.toString(),
                "--out", dir.resolve("o.json").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(prompts + ":3: malformed JSON"), run.err());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : new String[] {"build", "serve", "verify", "capture", "points", "bench"}) {
            Run run = attoscope(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().startsWith("Usage: attoscope " + command), run.out());
        }
    }

    @Test
    void missingRequiredOptionsAreBadUsage() {
        Run run = attoscope("points", "--prompts", "x.json");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--out"), run.err());
    }

    @Test
    void moreTopPredictionsThanAPointCanHaveAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path prompts = Files.writeString(dir.resolve("p.json"), "[{\"name\": \"a\", \"text\": \"the dog\"}]");
        Path out = dir.resolve("o.json");
        Run run = points(prompts, out, "--top", "5000");
        assertEquals(1, run.exit());
        assertTrue(run.err().contains("--top must be at most 4093, the words a prediction can be"), run.err());
        assertFalse(Files.exists(out));
        run = points(prompts, out, "--top", "4093");
        assertEquals(0, run.exit(), run.err());
        assertEquals(4093, Json.mapper().readTree(out.toFile()).at("/prompts/0/points/0/predictions").size());
    }

    @Test
    void zeroThreadsIsBadUsage() throws Exception {
        Path prompts = Files.writeString(dir.resolve("p.json"), "[{\"name\": \"a\", \"text\": \"the dog\"}]");
        Run run = attoscope("points", "--model", TestModels.realBundleDir().toString(), "--prompts", prompts.toString(),
                "--out", dir.resolve("o.json").toString(), "--threads", "0");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--threads must be at least 1, not 0."), run.err());
    }

    @Test
    void aModelFolderThatDoesNotExistIsAFindingNamingIt() throws Exception {
        Path prompts = Files.writeString(dir.resolve("p.json"), "[]");
        Run run = attoscope("points", "--model", dir.resolve("no-model").toString(), "--prompts", prompts.toString(),
                "--out", dir.resolve("o.json").toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(dir.resolve("no-model").toString()), run.err());
    }

    /** {@code attoscope points} on the real bundle. */
    private static Run points(Path prompts, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("points", "--model", TestModels.realBundleDir().toString(),
                "--prompts", prompts.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        return attoscope(args.toArray(String[]::new));
    }
}
