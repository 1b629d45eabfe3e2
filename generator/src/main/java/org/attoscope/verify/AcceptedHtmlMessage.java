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

    /**
     * What this site accepts: the checker applies the Content-Security-Policy to JSON data blocks as if they were
     * scripts; browsers do not run them, so the policy does not cover them. An inline script that does run and lacks
     * its hash is caught by {@link ScriptAllowList} on its own.
     */
    public static final List<AcceptedHtmlMessage> SITE = List.of(new AcceptedHtmlMessage(
            "Inline script violates Content Security Policy (meta tag): blocked by \u201cscript-src\u201d directive (missing \u201c\u2018unsafe-inline\u2019\u201d or nonce/hash).",
            "the checker holds the page's JSON data blocks (the explorer's embedded points) to the script policy; browsers do not run data blocks"));

    public boolean accepts(HtmlMessage m) {
        return !"fatal".equals(m.severity()) && !"error".equals(m.severity()) && message.equals(m.message());
    }
}
