package org.attoscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** A script element's text, as jsoup parsed it, without a copy. */
class ScriptTextTest {
    @Test
    void aParsedScriptsTextIsItsDataAndTheSameStringEachTime() {
        Element script = Jsoup.parse("<script type=\"application/json\" id=\"p\">{\"a\": \"</b>\"}\n[1]</script>").getElementById("p");
        assertEquals(script.data(), ScriptText.of(script));
        assertEquals("{\"a\": \"</b>\"}\n[1]", ScriptText.of(script));
        assertSame(ScriptText.of(script), ScriptText.of(script), "the parsed string, not a new one");
    }

    @Test
    void aScriptOfSeveralDataNodesIsJoinedAsDataJoinsIt() {
        Element script = Jsoup.parse("<script id=\"p\"></script>").getElementById("p");
        script.appendChild(new DataNode("[1,")).appendChild(new DataNode("2]"));
        assertEquals("[1,2]", ScriptText.of(script));
    }

    @Test
    void anEmptyScriptHasNoText() {
        assertEquals("", ScriptText.of(Jsoup.parse("<script id=\"p\"></script>").getElementById("p")));
    }
}
