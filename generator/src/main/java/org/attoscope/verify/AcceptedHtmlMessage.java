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

    /** What this site accepts. */
    public static final List<AcceptedHtmlMessage> SITE = List.of(new AcceptedHtmlMessage(
            "Trailing slash on void elements has no effect and interacts badly with unquoted attribute values.",
            "The templates are Thymeleaf natural templates written as well-formed XML (<meta .../>), so they open in "
                    + "an editor's XML mode; every attribute value the build writes is quoted, so the slash is inert, "
                    + "as the message itself says. It is an informational note, not an error."));

    public boolean accepts(HtmlMessage m) {
        return !"fatal".equals(m.severity()) && !"error".equals(m.severity()) && message.equals(m.message());
    }
}
