package org.attoscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.attoscope.content.Suggestions;
import org.attoscope.model.EditDistance;
import org.attoscope.model.Encoding;
import org.attoscope.model.OutOfVocabularyWord;
import org.attoscope.model.Tokenizer;
import org.attoscope.testing.Cli;
import org.attoscope.testing.TestModels;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No input makes attoscope run away: nearest-word suggestions are looked up only where they can help, edit
 * distances stop at the bound that matters, and the thread count has a ceiling. The timeouts are guards against a
 * regression back to minutes, not speed claims.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BoundedWorkTest {
    @TempDir
    Path dir;

    @Test
    void aFiveMegabyteWordGetsNoNearestWordsAndTheMessageSaysWhyAndIsShort() {
        Tokenizer tokenizer = TestModels.realBundle().tokenizer();
        String word = "q".repeat(5_000_000);
        Encoding e = tokenizer.encode("once upon a " + word + " time");
        OutOfVocabularyWord unknown = e.unknownWords().get(0);
        assertEquals(List.of(), unknown.nearest());
        assertTrue(unknown.describe().contains("no nearest words looked for (longer than 24 letters)"), unknown.describe());
        assertTrue(unknown.describe().length() < 200, "the message shows the word cut: " + unknown.describe().length());
        assertTrue(unknown.describe().contains("(5000000 characters)"), unknown.describe());
    }

    @Test
    void twentyThousandDistinctUnknownWordsLookUpNearestWordsForTheFirstFiftyOnly() {
        Tokenizer tokenizer = TestModels.realBundle().tokenizer();
        StringBuilder text = new StringBuilder("once upon a time ");
        for (int i = 0; i < 20_000; i++) {
            text.append(distinct(i)).append(' ');
        }
        List<OutOfVocabularyWord> unknown = tokenizer.encode(text.toString()).unknownWords();
        assertEquals(20_000, unknown.size());
        long withNearest = unknown.stream().filter(w -> !w.nearest().isEmpty()).count();
        assertEquals(Tokenizer.DISTINCT_SUGGESTED, withNearest);
        assertTrue(unknown.get(19_999).nearestText().contains("only the first 50 distinct unknown words"), unknown.get(19_999).nearestText());
    }

    @Test
    void theBoundedDistanceIsTheDistanceWhereverItIsWithinTheBound() {
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n = 0; n < 3000; n++) {
            String a = random(rnd, rnd.nextInt(9));
            String b = random(rnd, rnd.nextInt(9));
            int exact = EditDistance.between(a, b);
            for (int limit = 0; limit <= 9; limit++) {
                assertEquals(Math.min(exact, limit + 1), EditDistance.atMost(a, b, limit), a + " / " + b + " limit " + limit);
            }
        }
        assertEquals(3, EditDistance.atMost("x".repeat(5_000_000), "y".repeat(5_000_000), 2), "a band of 5 cells a row, stopped at row 3");
    }

    @Test
    void nearestWordsAreStillTheClosestOnesMostFrequentFirst() {
        Tokenizer tokenizer = TestModels.realBundle().tokenizer();
        List<String> vocabulary = new ArrayList<>();
        for (int id = 0; id < tokenizer.size(); id++) {
            vocabulary.add(tokenizer.word(id));
        }
        for (String word : List.of("tiem", "onse", "lilly", "qqqq", "dragonz", "a", "happyness")) {
            List<String> expected = java.util.stream.IntStream.range(0, tokenizer.size()).boxed()
                    .filter(id -> !java.util.Set.of(org.attoscope.model.Tokenizer.PAD, org.attoscope.model.Tokenizer.BOS, org.attoscope.model.Tokenizer.EOS, org.attoscope.model.Tokenizer.UNK).contains(vocabulary.get(id)) && !".,!?".contains(vocabulary.get(id)))
                    .sorted(java.util.Comparator.comparingInt((Integer id) -> EditDistance.between(word, vocabulary.get(id))).thenComparingInt(id -> id))
                    .limit(3).map(vocabulary::get).toList();
            assertEquals(expected, tokenizer.nearest(word, 3), word);
        }
    }

    @Test
    void aThousandThreadsIsBadUsageWithTheCeilingNamed() {
        Cli.Run run = Cli.attoscope("build", "--threads", "100000");
        assertEquals(2, run.exit(), run.err());
        int cores = Runtime.getRuntime().availableProcessors();
        assertTrue(run.err().contains("--threads 100000 is more than this machine can use: at most " + ThreadOptions.ceiling(cores)), run.err());
    }

    @Test
    void aBuildOfAStoryOfHostileWordsWarnsBrieflyAndFinishes() {
        TinyProject project = new TinyProject(dir);
        StringBuilder text = new StringBuilder("The cat sat. ");
        for (int i = 0; i < 500; i++) {
            text.append(distinct(i)).append(' ');
        }
        text.append("w".repeat(100_000)); // a page shows the word several times: verification time grows with page size
        project.story("hostile", "Hostile", text.toString());
        assertEquals(0, project.build(), project.err.toString());
        String err = project.err.toString();
        assertTrue(err.contains("491 more words are not in the vocabulary"), err.lines().limit(3).toList().toString());
        assertTrue(err.length() < 10_000, "warnings stay short: " + err.length());
    }

    @Test
    void aListOfHundredsOfNamesIsCut() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add("step" + i);
        }
        assertEquals("step0, step1, step2, step3, step4, step5, step6, step7, step8, step9, step10, step11 ... and 288 more", Suggestions.listed(names));
        assertEquals("did you mean \"step12\"? ", Suggestions.didYouMean("stap12", names));
        assertEquals("", Suggestions.didYouMean("s".repeat(1_000_000), names));
    }

    @Test
    void captureRefusesToOverwriteACaptureLessonsDependOnWithoutForce() {
        TinyProject project = new TinyProject(dir);
        String before = project.read("content/captures/spot-ran.json");
        Cli.Run run = Cli.attoscope("capture", "--content", project.content.toString(), "--prompt", "the cat", "--steps", "1", "--name", "spot-ran");
        assertEquals(1, run.exit(), run.err());
        assertTrue(run.err().contains("a capture named spot-ran exists already"), run.err());
        assertTrue(run.err().contains("pass --force"), run.err());
        assertEquals(before, project.read("content/captures/spot-ran.json"));
        Cli.Run forced = Cli.attoscope("capture", "--content", project.content.toString(), "--prompt", "the cat", "--steps", "1", "--name", "spot-ran", "--force");
        assertEquals(0, forced.exit(), forced.err());
        assertFalse(before.equals(project.read("content/captures/spot-ran.json")));
    }

    /** The i-th word of a-z letters, all distinct, none in a vocabulary ("zq" is no English word's start). */
    private static String distinct(int i) {
        StringBuilder sb = new StringBuilder("zq");
        do {
            sb.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return sb.toString();
    }

    private static String random(SplittableRandom rnd, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((char) ('a' + rnd.nextInt(3)));
        }
        return sb.toString();
    }
}
