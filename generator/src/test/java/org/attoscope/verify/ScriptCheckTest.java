package org.attoscope.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What counts as a network request in a site's script, and where it is reported. */
class ScriptCheckTest {
    private static List<String> found(String code) {
        return ScriptCheck.check("site/a.js", "script", code).stream()
                .map(f -> f.problem().substring(0, f.problem().indexOf(" requests something"))).toList();
    }

    @Test
    void eachRequestIsNamedWithItsLineInOrder() {
        assertEquals(List.of("script line 1: \"fetch (\"", "script line 3: \"WebSocket\"", "script line 3: \"importScripts\""),
                found("const r = fetch ('x');\nok();\nnew WebSocket(u); self.importScripts('w.js');"));
    }

    @Test
    void aStaticImportIsReportedFromTheBlankLinesThatOpenIt() {
        assertEquals(List.of("script line 2: \"import x from\""), found("a();\n\n  import x from 'y';"));
        assertEquals(List.of("script line 1: \"import x from\""), found("import x from 'y';"));
        assertEquals(List.of("script line 1: \"import (\""), found("const m = import ('./m.js');"));
    }

    @Test
    void theWordsInsideOtherWordsOrWithoutACallAreNotRequests() {
        assertEquals(List.of(), found("var important = 1; fetched(); myimport(2); refetch(3); var words = [\"fetch\", \"importance\"];"));
        assertEquals(List.of(), found("x.import; a.from = b; sendBeaconish(); EventSources;"));
    }

    @Test
    void aLongDataScriptIsSearchedWholeWithoutFalseAlarms() {
        StringBuilder vocabulary = new StringBuilder("window.W = [");
        for (int i = 0; i < 200_000; i++) {
            vocabulary.append("\"important\",\"fetch\",\"x").append(i).append("\",");
        }
        String code = vocabulary.append("];\nfetch(u);").toString();
        assertEquals(List.of("script line 2: \"fetch(\""), found(code));
    }
}
