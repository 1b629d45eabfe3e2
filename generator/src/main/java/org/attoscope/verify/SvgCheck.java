package org.attoscope.verify;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Every {@code <svg>} on a page (figure or not, nested or not) must be an accessible image: {@code role="img"},
 * and a non-empty {@code <title>} and {@code <desc>} as its own children (FORMATS.md section 6).
 */
final class SvgCheck {
    private SvgCheck() {
    }

    static List<Finding> check(String file, Document page) {
        List<Finding> out = new ArrayList<>();
        int n = 0;
        for (Element svg : page.select("svg")) {
            n++;
            String name = "svg " + n + (svg.selectFirst("> title") != null ? " (" + svg.selectFirst("> title").text() + ")" : "");
            if (!"img".equals(svg.attr("role"))) {
                out.add(Finding.of(file, name + " has role \"" + svg.attr("role") + "\", not \"img\""));
            }
            for (String child : List.of("title", "desc")) {
                Element e = svg.selectFirst("> " + child);
                if (e == null || e.text().isBlank()) {
                    out.add(Finding.of(file, name + " has no " + (e == null ? "" : "non-empty ") + "<" + child + ">"));
                }
            }
        }
        return out;
    }
}
