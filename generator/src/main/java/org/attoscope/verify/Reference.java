package org.attoscope.verify;

/**
 * A URL a page or style sheet names.
 *
 * @param from  the file it is in, from the site root
 * @param where how it is written, e.g. {@code <script src>} or {@code url() in style}
 * @param url   the URL as written
 * @param loads whether a browser fetches it by itself (a script, a style sheet, an image) rather than only when a
 *              reader follows it (a link)
 */
record Reference(String from, String where, String url, boolean loads) {
}
