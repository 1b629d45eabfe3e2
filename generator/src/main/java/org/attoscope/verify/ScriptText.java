package org.attoscope.verify;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Element;

/**
 * A parsed script element's text. As parsed, it is one data node, whose string jsoup keeps; {@link Element#data()}
 * joins the element's data nodes into a new string, which for an explorer's points is a copy of most of a megabyte
 * (an allocation the collector treats as humongous) each time it is asked for.
 */
final class ScriptText {
    private ScriptText() {
    }

    static String of(Element script) {
        return script.childNodeSize() == 1 && script.childNode(0) instanceof DataNode d ? d.getWholeData() : script.data();
    }
}
