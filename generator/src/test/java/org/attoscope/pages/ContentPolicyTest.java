package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The policy allows exactly the scripts a browser runs from the page, by their hashes, in page order. */
class ContentPolicyTest {

    @Test
    void allowsEachInlineScriptByItsHashAndSkipsDataBlocksAndFiles() {
        String page = "<html><head><script>var a = 1;</script>\n<SCRIPT type=\"module\">import './x.js';</Script >"
                + "<script type=\"application/json\">{\"a\": \"</p>\"}</script><script src=\"site.js\"></script>"
                + "<scripts>not a script</scripts><script\ntype='text/javascript'\n>b()</script></head>"
                + "<body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p><svg><text>x &lt; y</text></svg>"
                + "<script>c < d && e > f; '</scrip'; </script>";
        assertEquals(List.of(ContentPolicy.hash("var a = 1;"), ContentPolicy.hash("import './x.js';"), ContentPolicy.hash("b()"),
                ContentPolicy.hash("c < d && e > f; '</scrip'; ")), List.copyOf(ContentPolicy.inlineScriptHashes(page)));
    }

    @Test
    void aScriptNeverClosedIsNoScript() {
        assertEquals(Set.of(ContentPolicy.hash("one()")), ContentPolicy.inlineScriptHashes("<script>one()</script><script>two()"));
        assertEquals(Set.of(), ContentPolicy.inlineScriptHashes("<script type=\"module\"<p>"));
    }

    /** The scan finds what one regular expression over the whole page finds, on pages that stress where tags start and end. */
    @Test
    void findsWhatThePlainPatternFinds() {
        Pattern plain = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
        List<String> pages = List.of("", "<", "<script", "</script>", "<script></script>", "<script><script>x</script></script>",
                "a<b<script>x</scriptx></script >y", "<ScRiPt data-x='>'>z</sCrIpT\n>", "<script>1</script><script>2</script>",
                "<scriptx>no</script><script>yes</script>", "<<script>>></script>", "<script type=application/json>[]</script>");
        for (String page : pages) {
            List<String> expected = new ArrayList<>();
            Matcher m = plain.matcher(page);
            while (m.find()) {
                String attributes = m.group(1);
                boolean data = attributes.contains("application/json");
                if (!data) {
                    expected.add(ContentPolicy.hash(m.group(2)));
                }
            }
            assertEquals(expected.stream().distinct().toList(), List.copyOf(ContentPolicy.inlineScriptHashes(page)), page);
        }
    }
}
