package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.attoscope.InputException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a figure, formula or link can be wrong fails the build with the lesson file, the line of the fence
 * (or paragraph), what is wrong, and a fix.
 */
class BadDirectivesTest {

    @TempDir
    static Path dir;
    static LessonFixtures fixtures;

    @BeforeAll
    static void content() {
        fixtures = new LessonFixtures(dir);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // the fence is on line 7 of the file: front matter (4 lines), a heading, a blank line
        "heatmp capture=tiny-run                                                | unknown directive \"heatmp\".            | did you mean \"heatmap\"?",
        "heatmap capture=tiny-run tensor=step00.attention_00 head=0 colour=red  | heatmap has no attribute colour=.        | its attributes are caption, capture, head, tensor, values.",
        "heatmap tensor=step00.attention_00 head=0                              | heatmap needs capture=.                  | add capture=CAPTURE",
        "heatmap capture=tiny-run head=0                                        | heatmap needs tensor=.                   | add tensor=TENSOR",
        "heatmap capture=tiny-run tensor=step00.attention_00                    | step00.attention_00 has 2 heads; heatmap needs head=. | add head=0",
        "heatmap capture=tiny-rum tensor=step00.attention_00 head=0             | there is no capture tiny-rum in          | did you mean \"tiny-run\"?",
        "heatmap capture=tiny-run tensor=step00.attention_01 head=0             | capture tiny-run has no tensor step00.attention_01. | did you mean \"step00.attention_00\"?",
        "heatmap capture=tiny-run tensor=step00.attention_00 head=2             | head=2 is out of range: step00.attention_00 has 2 heads (0..1). | use head=0 or head=1.",
        "heatmap capture=tiny-run tensor=step00.attention_00 head=one           | head=one is not a whole number.          | write head=0.",
        "heatmap capture=tiny-run tensor=step00.hidden_state_00 head=0          | [1, 7, 8] and no heads to choose from.   | remove head=.",
        "logits capture=tiny-run tensor=step00.logits_last top=17               | top=17 is out of range: a figure shows 1 to 16 rows (1..16). | use top=1 to top=16.",
        "logits capture=tiny-run tensor=step00.attention_00                     | not one vector of logits.                | use logits on a [1, V] or [V] tensor",
        "cells capture=tiny-run tensor=step00.hidden_state_00 at=0,7,0          | at= index 0,7,0 is out of range: axis 1 of step00.hidden_state_00 [1, 7, 8] has 7 entries (0..6). | use a number from 0 to 6",
        "cells capture=tiny-run tensor=step00.hidden_state_00 at=0,1            | at= index 0,1 has 2 numbers but step00.hidden_state_00 has 3 axes | e.g. at=\"0,0,0\"",
        "cells capture=tiny-run tensor=step00.hidden_state_00,step00.logits_last at=0,1,0 | step00.logits_last has shape [1, 16] but step00.hidden_state_00 has [1, 7, 8]. | of one shape",
        "explorer story=dog-story point=1                                       | there is no story dog-story.             | use the name of a file in content/stories",
        "explorer story=cat-story point=99                                      | point=99 is out of range: story cat-story has prediction points at positions 0 to 11 (0..11). | use point=0 to point=11.",
        "tokens capture=tiny-run step=3                                         | step=3 is out of range: capture tiny-run has steps 0 to 2 (0..2). | use step=0, step=1 or step=2.",
        "tokens text=a capture=tiny-run                                           | tokens needs either text= or capture=, not both. | write tokens text=",
        "architecture head=0                                                    | architecture has no attribute head=.     | its attributes are caption.",
        "heatmap capture=tiny-run tensor=step00.attention_00 head=0 head=1      | head= is given twice.                    | keep one head=",
    })
    void aBadFenceFailsAtItsLine(String info, String problem, String fix) {
        InputException e = failing("## A figure\n\n```" + info.strip() + "\n```\n");
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.problem().contains(problem.strip()), e.getMessage());
        assertTrue(e.fix().contains(fix.strip()), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`See [the paper](https://arxiv.org/abs/2305.07759).` | 5 | is not one a lesson can use",
        "`See [home](/index.html).` | 5 | is not one a lesson can use",
        "`See [lesson 9](09-missing.md).` | 5 | points to no lesson",
        "`See [a story](../stories/no-such-story.md).` | 5 | points to no story",
        "`A picture: ![cat](cat.png)` | 5 | images are not part of lessons",
        "`<div>raw</div>` | 5 | raw HTML (<div>raw</div>) is not allowed",
    })
    void badMathLinksImagesAndHtmlFailAtTheirLine(String body, int line, String problem) {
        InputException e = failing(body + "\n");
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    @Test
    void latexThatDoesNotParseFailsAtItsParagraphOrFence() {
        InputException inline = failing("Intro.\n\nA formula $`\\notacommand{x}`$ inline.\n");
        assertEquals(7, inline.line());
        assertTrue(inline.problem().contains("does not parse"), inline.getMessage());
        InputException display = failing("Intro.\n\n```math\n\\notacommand{x}\n```\n");
        assertEquals(7, display.line());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`---\ntitle: T\n---\n` | 2 | the front matter has no summary.",
        "`---\ntitle: T\nsumary: S\n---\n` | 3 | unknown front matter key \"sumary\".",
        "`---\ntitle: T\nsummary: S\ntitle: U\n---\n` | 4 | \"title\" is given twice.",
        "`# no front matter\n` | 1 | the lesson does not start with front matter.",
    })
    void badFrontMatterFailsAtItsLine(String text, int line, String problem) {
        Path file = LessonFixtures.write(dir.resolve("front/05-front.md"), text.replace("\\n", "\n"));
        InputException e = assertThrows(InputException.class, () -> Lesson.read(file));
        assertEquals(file, e.file());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.problem().contains(problem), e.getMessage());
    }

    private static InputException failing(String body) {
        InputException e = assertThrows(InputException.class, () -> fixtures.renderAlone(body));
        assertEquals(dir.resolve("alone/01-alone.md"), e.file());
        assertTrue(e.getMessage().startsWith(e.file() + ":" + e.line() + ": "), e.getMessage());
        return e;
    }
}
