package org.attoscope.verify;

/**
 * One message of the Nu HTML Checker about a page.
 *
 * @param severity {@code error}, {@code warning} or {@code fatal}, as the checker reported it
 * @param line     1-based line in the page, or -1 when the checker gave none
 * @param column   1-based column, or -1
 * @param message  the checker's text
 */
public record HtmlMessage(String severity, int line, int column, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + (column > 0 ? ":" + column : "") + ": " : "") + "HTML " + severity + ": "
                + message;
    }
}
