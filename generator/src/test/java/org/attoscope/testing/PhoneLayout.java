package org.attoscope.testing;

import com.microsoft.playwright.Page;
import java.util.List;

/**
 * What a phone-width page of the explorer or the playground must never do, measured in the page: the point panel
 * (#panel) lying over the token strip (#strip), or anything lying over a token the reader scrolls to.
 */
public final class PhoneLayout {
    private PhoneLayout() {
    }

    /** Every scroll position of the page, 100 px apart, where the panel's box meets the strip's. */
    @SuppressWarnings("unchecked")
    public static List<String> panelOverStrip(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const out = [];
                  const box = id => document.getElementById(id).getBoundingClientRect();
                  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                  for (let y = 0; y <= document.documentElement.scrollHeight; y += 100) {
                    window.scrollTo(0, y);
                    if (meet(box('panel'), box('strip'))) { out.push('page at ' + scrollY + ': panel over the strip'); }
                  }
                  return out;
                }""");
    }

    /** Every token that, scrolled into view, is not the element under its own centre, and what lies there instead. */
    @SuppressWarnings("unchecked")
    public static List<String> coveredTokens(Page page) {
        return (List<String>) page.evaluate("""
                () => {
                  const out = [];
                  for (const t of document.querySelectorAll('#strip .tok')) {
                    t.scrollIntoView({ block: 'nearest' });
                    const r = t.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    if (!hit || !t.contains(hit)) {
                      out.push(t.dataset.pos + ' under ' + (hit ? hit.tagName + '#' + hit.id + '.' + hit.className : 'nothing'));
                    }
                  }
                  return out;
                }""");
    }

    /** Whether token {@code pos} lies inside the strip's box (the strip scrolls by itself on a phone). */
    public static boolean tokenInStrip(Page page, int pos) {
        return (Boolean) page.evaluate("pos => { const s = document.getElementById('strip').getBoundingClientRect();"
                + " const t = document.querySelector('#strip .tok[data-pos=\"' + pos + '\"]').getBoundingClientRect();"
                + " return t.top >= s.top && t.bottom <= s.bottom; }", pos);
    }
}
