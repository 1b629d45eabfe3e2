package org.attoscope.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.attoscope.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A fence's info string read as a directive: name, ordered attributes, quoted values, and errors at its line. */
class DirectiveParserTest {
    static final Path FILE = Path.of("content/lessons/03-attention.md");

    @Test
    void readsTheNameAndEveryAttributeInOrder() {
        Directive d = DirectiveParser.parse("heatmap capture=once-upon tensor=step00.attention_00 head=0", FILE, 42);
        assertEquals("heatmap", d.name());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("capture", "once-upon");
        expected.put("tensor", "step00.attention_00");
        expected.put("head", "0");
        assertEquals(expected, d.attributes());
        assertEquals(FILE, d.file());
        assertEquals(42, d.line());
    }

    @Test
    void aDirectiveMayHaveNoAttributes() {
        assertEquals(Map.of(), DirectiveParser.parse("architecture", FILE, 1).attributes());
        assertEquals(Map.of(), DirectiveParser.parse("  architecture  ", FILE, 1).attributes());
    }

    @ParameterizedTest(name = "{0} reads as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "caption=\"Head 0, every cell\"          | Head 0, every cell",
        "caption=\"say \\\"hi\\\"\"              | say \"hi\"",
        "caption=\"a \\\\ b\"                    | a \\ b",
        "caption=\"\"                            | ''",
        "caption=\"tabs\tand  spaces\"           | tabs\tand  spaces",
        "caption=plain-word                      | plain-word",
        "caption=x=y                             | x=y",
    })
    void valuesAreBareOrQuotedWithBackslashEscapes(String attribute, String value) {
        Directive d = DirectiveParser.parse("cells " + attribute.strip() + " at=0", FILE, 7);
        assertEquals(value, d.attributes().get("caption"));
        assertEquals("0", d.attributes().get("at"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "heatmap head=0 head=1                 | head= is given twice.",
        "heatmap head                          | attribute \"head\" has no value.",
        "heatmap head =0                       | attribute \"head\" has no value.",
        "heatmap head= 0                       | head= has no value.",
        "heatmap =0                            | has no attribute name before its =.",
        "heatmap Head=0                        | \"Head\" is not an attribute name.",
        "heatmap caption=\"open                | caption= opens a quote that is never closed.",
        "heatmap caption=\"a\"b=1              | is followed by \"b\" without a space.",
        "heatmap caption=a\"b                  | caption= has a quote mark inside its value.",
        "Heatmap head=0                        | does not start with a directive name.",
        "=x                                    | does not start with a directive name.",
    })
    void badSyntaxFailsAtTheFencesLine(String info, String problem) {
        InputException e = assertThrows(InputException.class, () -> DirectiveParser.parse(info.strip(), FILE, 42));
        assertEquals(FILE, e.file());
        assertEquals(42, e.line());
        assertTrue(e.problem().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith("content/lessons/03-attention.md:42: "), e.getMessage());
        assertTrue(e.fix() != null && !e.fix().isBlank());
    }

    @Test
    void rangesAreCheckedWithTheAllowedValuesInTheFix() {
        Directive d = DirectiveParser.parse("heatmap head=2", FILE, 42);
        InputException e = assertThrows(InputException.class,
                () -> d.integer("head", "2", 0, 1, "step00.attention_00 has 2 heads"));
        assertEquals("content/lessons/03-attention.md:42: head=2 is out of range: step00.attention_00 has 2 heads "
                + "(0..1). Fix: use head=0 or head=1.", e.getMessage());
    }
}
