package org.attoscope.verify;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The site's scripts and style sheets: each script is checked as a script, and every {@code url()} of a style sheet
 * is gathered for the link check, which can only run once the report is written.
 *
 * @param findings      what is wrong with the scripts
 * @param cssReferences every URL the style sheets name
 */
record AssetCheck(List<Finding> findings, List<Reference> cssReferences) {

    static AssetCheck of(BuiltSite site) {
        List<Finding> findings = new ArrayList<>();
        List<Reference> cssReferences = new ArrayList<>();
        for (String path : site.assets()) {
            String text = new String(site.read(path), StandardCharsets.UTF_8);
            if (path.endsWith(".js")) {
                findings.addAll(ScriptCheck.check(site.name(path), "script", text));
            } else {
                cssReferences.addAll(PageReferences.inCss(path, "url() in style sheet " + path, text));
            }
        }
        return new AssetCheck(findings, cssReferences);
    }
}
