package org.attoscope.figures;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Reads the cells back out of a figure, for the verifier and for tests: the inverse of {@link CellMarkup}. */
public final class DrawnCells {

    private static final Pattern STROKE_CELL = Pattern.compile("M(\\d+) (\\d+)h(\\d+)");
    private static final Pattern FILL = Pattern.compile("(?:^|;)\\s*fill:\\s*([^;]+)");

    private DrawnCells() {
    }

    /** Parses one figure's markup (an {@code <svg>} element as a string) as XML. */
    public static Element parseSvg(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("figure is not well-formed XML: " + e.getMessage(), e);
        }
    }

    public static List<DrawnCell> read(String svg) {
        return read(parseSvg(svg));
    }

    /**
     * Every cell under this element (a figure's root, or a whole page's DOM), in document order: the
     * {@link CellMarkup} groups, and the compact cells of an {@link AttentionMatrixFigure} (any other element with
     * {@code data-bits}: its tensor on an ancestor, its query and key where {@link CellMarkup#strokeCell} drew it).
     */
    public static List<DrawnCell> read(Element root) {
        List<DrawnCell> cells = new ArrayList<>();
        NodeList all = root.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (e.getLocalName().equals("g")
                    && Arrays.asList(e.getAttribute("class").split("\\s+")).contains(CellMarkup.CELL_CLASS)) {
                cells.add(cell(e));
            } else if (e.hasAttribute(CellMarkup.BITS)) {
                cells.add(compactCell(e));
            }
        }
        return cells;
    }

    private static DrawnCell compactCell(Element e) {
        Element shape = e.getLocalName().equals("g") ? first(e, "path") : e;
        Element text = first(e, "text");
        Matcher at = STROKE_CELL.matcher(shape == null ? "" : shape.getAttribute("d"));
        if (!at.matches()) {
            throw new IllegalArgumentException("matrix cell " + e.getAttribute(CellMarkup.BITS) + " is not drawn as M{k*u} {q*u}h{u}");
        }
        int unit = Integer.parseInt(at.group(3));
        return new DrawnCell(inherited(e, CellMarkup.TENSOR),
                List.of(Integer.parseInt(at.group(2)) / unit, Integer.parseInt(at.group(1)) / unit),
                e.getAttribute(CellMarkup.BITS), false, ValueKind.FLOAT,
                shape == null ? null : Rgb.parse(shape.getAttribute("stroke")),
                text == null ? null : text.getTextContent(),
                text == null ? null : fillOf(text),
                null);
    }

    private static String inherited(Element from, String attribute) {
        for (Node n = from; n instanceof Element e; n = n.getParentNode()) {
            if (e.hasAttribute(attribute)) {
                return e.getAttribute(attribute);
            }
        }
        return "";
    }

    private static DrawnCell cell(Element g) {
        Element rect = first(g, "rect");
        Element text = first(g, "text");
        Element title = first(g, "title");
        String index = g.getAttribute(CellMarkup.INDEX);
        List<Integer> indices = index.isEmpty() ? List.of()
                : Arrays.stream(index.split(",")).map(s -> Integer.valueOf(s.strip())).toList();
        return new DrawnCell(
                g.getAttribute(CellMarkup.TENSOR),
                indices,
                g.getAttribute(CellMarkup.BITS),
                "true".equals(g.getAttribute(CellMarkup.MASKED)),
                "int".equals(g.getAttribute(CellMarkup.KIND)) ? ValueKind.INTEGER : ValueKind.FLOAT,
                rect == null ? null : fillOf(rect),
                text == null ? null : text.getTextContent(),
                text == null ? null : fillOf(text),
                // A group cell must have its tooltip: a missing one reads as empty, which no check accepts.
                title == null ? "" : title.getTextContent());
    }

    /** The fill an element is painted with: its {@code fill} attribute or the {@code fill:} in its style. */
    static Rgb fillOf(Element e) {
        if (e.hasAttribute("fill")) {
            return Rgb.parse(e.getAttribute("fill"));
        }
        Matcher m = FILL.matcher(e.getAttribute("style"));
        return m.find() ? Rgb.parse(m.group(1)) : null;
    }

    private static Element first(Element parent, String localName) {
        NodeList list = parent.getElementsByTagNameNS("*", localName);
        for (int i = 0; i < list.getLength(); i++) {
            Node n = list.item(i);
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
