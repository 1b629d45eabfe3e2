package org.attoscope.verify;

import java.util.List;

/**
 * A Nu HTML Checker message the site accepts on purpose, by its exact text, with the reason. Nothing is filtered
 * silently: only messages listed here are accepted, the report lists them with how often each occurred, and every
 * other message (warnings included) is a finding.
 *
 * @param message the checker's exact message text
 * @param reason  why it is harmless here
 */
public record AcceptedHtmlMessage(String message, String reason) {

    /** What this site accepts: nothing. Its templates write HTML, not XML, so the checker has nothing to say. */
    public static final List<AcceptedHtmlMessage> SITE = List.of();

    public boolean accepts(HtmlMessage m) {
        return !"fatal".equals(m.severity()) && !"error".equals(m.severity()) && message.equals(m.message());
    }
}
