/**
 * Re-checks a built site from the files on disk: every figure cell against the captured bytes (after their hash
 * locks) or the verifier's own forward pass (verify/audit), every explorer's embedded points, every link and anchor, that nothing is loaded
 * from the network, HTML validity (the Nu HTML Checker, in-process and offline), accessible SVG, label contrast,
 * and every capture's locks and replay. {@link org.attoscope.verify.SiteVerification} is the entry point; the
 * build runs it on the staged site before the swap and writes its report into the site.
 */
package org.attoscope.verify;
