package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** What the HTML checker is given of a page whose JSON data blocks it need not read a character at a time. */
class InertDataBlocksTest {
    private static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>t</title></head>\n<body>\n%s\n</body>\n</html>\n";
    private static final String POINTS = "{\"story\":\"s\",\"points\":[\n{\"focus\":0,\"text\":\"don't\"},\n"
            + "{\"focus\":1,\"p\":[0.25,1e-7]}]}";

    private static byte[] page(String body) {
        return String.format(PAGE, body).getBytes(StandardCharsets.UTF_8);
    }

    /** The texts of the page's data blocks as PageCheck passes them: jsoup's HTML5 parse of the same bytes. */
    private static byte[] cut(byte[] page) {
        List<String> blocks = Jsoup.parse(new String(page, StandardCharsets.UTF_8)).select("script[type=\"application/json\"]")
                .stream().map(ScriptText::of).toList();
        return InertDataBlocks.cut(page, blocks);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void anInertBlockKeepsItsFirstCharacterItsLineBreaksAndItsLastLinesWidth() {
        byte[] page = page("<script type=\"application/json\" id=\"attoscope-points\">" + POINTS + "</script>");
        assertEquals(String.format(PAGE, "<script type=\"application/json\" id=\"attoscope-points\">{\n\n"
                + " ".repeat("{\"focus\":1,\"p\":[0.25,1e-7]}]}".length()) + "</script>"), text(cut(page)));
        byte[] oneLine = page("<script type=\"application/json\" id=\"a\"> [1,2]</script>");
        assertEquals(String.format(PAGE, "<script type=\"application/json\" id=\"a\">[     </script>"), text(cut(oneLine)));
        byte[] blank = page("<script type=\"application/json\" id=\"a\">\n </script>");
        assertEquals(text(blank), text(cut(blank)));
    }

    @Test
    void theCheckerSaysTheSameOfTheCutPageLineForLineAndColumnForColumn() {
        // errors before the block, on its closing line right after it, and on a later line
        byte[] page = page("<p id=\"a\"></p>\n<script type=\"application/json\" id=\"attoscope-points\">" + POINTS
                + "</script><p id=\"a\"></p>\n<script type=\"application/json\" id=\"more\">[1,\n2]</script>\n<p id=\"a\"></p></p>");
        byte[] cut = cut(page);
        assertTrue(cut.length < page.length - POINTS.length() / 2);
        List<HtmlMessage> whole = HTML.check("page.html", page);
        assertEquals(5, whole.size(), whole.toString()); // the first on the closing line, at column 48
        assertEquals(whole, HTML.check("page.html", cut));
    }

    @Test
    void underTheSitesPolicyTheCheckerStillSeesTheBlockAsAnInlineScript() {
        // the content-security policy skips a blank script and holds any other to the policy: the message the site
        // accepts for its data blocks must come from the cut page as from the whole one
        String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self'\">";
        byte[] page = String.format(PAGE.replace("<head><meta charset=\"utf-8\">", "<head><meta charset=\"utf-8\">" + policy),
                "<script type=\"application/json\" id=\"attoscope-points\">" + POINTS + "</script>").getBytes(StandardCharsets.UTF_8);
        byte[] cut = cut(page);
        assertTrue(cut.length < page.length);
        List<HtmlMessage> whole = HTML.check("page.html", page);
        assertEquals(1, whole.size(), whole.toString());
        assertTrue(AcceptedHtmlMessage.SITE.get(0).accepts(whole.get(0)), whole.toString());
        assertEquals(whole, HTML.check("page.html", cut));
    }

    @Test
    void aPageWhosePolicyCouldListABlocksHashIsNotCut() {
        // with a hash source the policy's verdict on a script depends on its text
        byte[] page = page("<script type=\"application/json\" id=\"a\">[1,\n2]</script><p>'SHA256-abc'</p>");
        assertSame(page, cut(page));
    }

    @Test
    void aBlockWithALessThanSignGoesToTheCheckerWhole() {
        // the renderer escapes every "<" in its JSON; one that reached the page is the checker's to judge
        byte[] page = page("<script type=\"application/json\" id=\"attoscope-points\">[\"<!--\"]</script>");
        assertSame(page, cut(page));
    }

    @Test
    void aBlockWithABytePastAsciiOrAControlGoesWhole() {
        byte[] accented = page("<script type=\"application/json\" id=\"x\">[\"caf\u00e9\"]</script>");
        assertSame(accented, cut(accented));
        byte[] control = page("<script type=\"application/json\" id=\"x\">[\"\u0001\"]</script>");
        assertSame(control, cut(control));
        byte[] crlf = page("<script type=\"application/json\" id=\"x\">[1,\r\n2]</script>");
        assertSame(crlf, cut(crlf));
    }

    @Test
    void aTagThatIsOnlyTextToTheParserCutsNothing() {
        // in a comment the search finds the opening tag, but there is no element: where "-->" ends the comment is
        // what the text means, so it must stay
        byte[] page = page("<!-- <script type=\"application/json\">a --> b</script> -->");
        assertFalse(HTML.check("comment.html", page).isEmpty(), "the stray end tag is an error");
        assertSame(page, cut(page));
    }

    @Test
    void whenTheSearchAndTheParserDisagreeNothingIsCut() {
        byte[] page = page("<script type=\"application/json\" id=\"a\">[1]</script>");
        assertSame(page, InertDataBlocks.cut(page, List.of("[2]")), "another text");
        assertSame(page, InertDataBlocks.cut(page, List.of()), "a block the parser did not see");
        assertSame(page, InertDataBlocks.cut(page, List.of("[1]", "[1]")), "a block the search did not find");
    }

    @Test
    void aPageWithoutDataBlocksIsTheSameArray() {
        byte[] page = page("<p>no data</p>");
        assertSame(page, cut(page));
    }
}
