package org.attoscope.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What every figure promises (FORMATS.md §6), checked on its markup. */
final class FigureAssertions {

    private FigureAssertions() {
    }

    /** Well-formed XML; an svg root with role=img whose first children are a non-empty title and desc; nothing
     *  fetched from elsewhere. Returns the parsed root. */
    static Element assertAccessibleSelfContainedSvg(SvgFigure figure) {
        Element root = DrawnCells.parseSvg(figure.svg());
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        assertEquals("img", root.getAttribute("role"));
        Element title = nthElement(root, 0);
        Element desc = nthElement(root, 1);
        assertEquals("title", title.getLocalName());
        assertEquals("desc", desc.getLocalName());
        assertEquals(figure.title(), title.getTextContent());
        assertEquals(figure.description(), desc.getTextContent());
        assertFalse(figure.title().isBlank());
        assertFalse(figure.description().isBlank());
        for (String external : new String[] {"href", "url(", "http://", "https://", "@import", "<image",
            "<script", "<foreignObject", "jfreesvg"}) {
            String withoutNamespace = figure.svg().replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assertFalse(withoutNamespace.contains(external), "figure must not contain " + external);
        }
        assertTrue(!figure.svg().replaceAll("font-family(: |=\")(sans-serif|serif|monospace)[;\"]", "").contains("font-family"),
                "only generic font families");
        return root;
    }

    private static Element nthElement(Element parent, int n) {
        int seen = 0;
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                if (seen++ == n) {
                    return e;
                }
            }
        }
        throw new AssertionError("svg has fewer than " + (n + 1) + " child elements");
    }
}
