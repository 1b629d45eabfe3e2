package org.attoscope.verify;

import static org.attoscope.verify.SharedChecker.HTML;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;

/** The Nu HTML Checker in-process: what it says, where, and which release the report names. */
class NuHtmlCheckerTest {
    private static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>t</title></head>\n<body>\n%s\n</body>\n</html>\n";

    private static List<HtmlMessage> check(String body) {
        return HTML.check("test.html", String.format(PAGE, body).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidPageHasNoMessages() {
        assertEquals(List.of(), check("<p id=\"a\">Hello <a href=\"#a\">again</a>.</p>"));
    }

    @Test
    void anErrorComesWithItsLineAndTheCheckersWords() {
        List<HtmlMessage> messages = check("<p id=\"a\"></p>\n<p id=\"a\"></p>");
        assertEquals(List.of(new HtmlMessage("error", 6, 10, "Duplicate ID “a”."),
                new HtmlMessage("warning", 5, 10, "The first occurrence of ID “a” was here.")), messages);
    }

    @Test
    void theSiteAcceptsNoMessageNotEvenANote() {
        List<HtmlMessage> messages = check("<p>a<br/>b</p>");
        assertEquals(1, messages.size(), messages.toString());
        assertEquals("warning", messages.get(0).severity(), "the trailing-slash note is only a warning");
        assertTrue(AcceptedHtmlMessage.SITE.stream().noneMatch(a -> a.accepts(messages.get(0))), "and still a finding");
    }

    @Test
    void anAcceptedMessageIsAcceptedByItsExactTextAndNeverAsAnError() {
        HtmlMessage note = check("<p>a<br/>b</p>").get(0);
        AcceptedHtmlMessage accepted = new AcceptedHtmlMessage(note.message(), "for this test");
        assertTrue(accepted.accepts(note));
        assertFalse(accepted.accepts(new HtmlMessage("error", 1, 1, note.message())));
    }

    @Test
    void aCheckerIsSetUpOnItsOwnStackWhateverTheCallersStack() throws Exception {
        // Parsing the schema recurses far deeper than a page check; on a small stack it overflowed.
        NuHtmlChecker fresh = new NuHtmlChecker(1);
        byte[] page = String.format(PAGE, "<p>small stack</p>").getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.FutureTask<List<HtmlMessage>> call = new java.util.concurrent.FutureTask<>(
                () -> fresh.check("small-stack.html", page));
        Thread small = new Thread(null, call, "small-stack", 256 * 1024);
        small.start();
        assertEquals(List.of(), call.get(2, java.util.concurrent.TimeUnit.MINUTES));
    }

    @Test
    void theReportNamesTheCheckerReleaseOnTheClasspath() {
        assertEquals(SimpleDocumentValidator.class.getPackage().getImplementationVersion(), NuHtmlChecker.VERSION);
    }
}
