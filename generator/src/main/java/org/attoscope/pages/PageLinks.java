package org.attoscope.pages;

/**
 * The site's addresses as links from one page, for its template ({@code ${to.stories}}), so templates never spell
 * an address. A link goes back to the root and down to the address {@link Addresses} gives, except a link to an
 * explorer, which takes the shortest relative path (the list of stories, in the explorers' own folder, links
 * {@code SLUG/index.html}). The 404 page of a site with a base URL links from the site's path on its host instead
 * ({@link Addresses#hostRoot}).
 *
 * @param path the linking page's address
 */
public record PageLinks(String path, String root) {

    /** Links from the page at {@code path} of a site published at {@code baseUrl} (null: none); see {@link Addresses#hostRoot}. */
    static PageLinks from(String path, String baseUrl) {
        return new PageLinks(path, Addresses.hostRoot(path, baseUrl));
    }

    public String home() {
        return root + Addresses.HOME;
    }

    public String stories() {
        return root + Addresses.STORIES;
    }

    public String howItWorks() {
        return root + Addresses.HOW_IT_WORKS;
    }

    public String lessons() {
        return root + Addresses.LESSONS;
    }

    public String search() {
        return root + Addresses.SEARCH;
    }

    public String searchIndex() {
        return root + Addresses.SEARCH_INDEX;
    }

    public String playground() {
        return root + Addresses.PLAYGROUND;
    }

    public String explorer(String slug) {
        return fromHostRoot() ? root + Addresses.explorer(slug) : Addresses.link(path, Addresses.explorer(slug));
    }

    /** Whether links start at the site's path on its host (the 404 page of a site with a base URL). */
    private boolean fromHostRoot() {
        return root.startsWith("/");
    }

    /** Any page of the site, by its address from the root (a section's page, which {@link Addresses} made). */
    public String page(String address) {
        return root + address;
    }

    /** A file of {@code templates/assets}, by its path in that folder ({@code site.css}). */
    public String asset(String name) {
        return root + Addresses.asset(name);
    }

    /** The id of the strip cell of prediction point {@code focus}, which {@code #pN} addresses. */
    public String pointId(int focus) {
        return Addresses.pointId(focus);
    }
}
