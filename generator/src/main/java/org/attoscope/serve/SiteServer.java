package org.attoscope.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.attoscope.InputException;
import org.attoscope.pages.ContentPolicy;

/**
 * Serves the built site on 127.0.0.1 only, never on the network, and adds the live-reload script to every HTML
 * page on its way out. The files on disk never contain the script: what serve shows is what a host would serve,
 * plus that one line.
 */
final class SiteServer implements AutoCloseable {
    static final String LIVE_PREFIX = "/__attoscope/";
    private static final String SCRIPT_PATH = LIVE_PREFIX + "live.js";
    private static final String EVENTS_PATH = LIVE_PREFIX + "events";
    private static final long HEARTBEAT_MILLIS = 10_000;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("xml", "application/xml"), Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("png", "image/png"), Map.entry("woff2", "font/woff2"), Map.entry("ico", "image/x-icon"));

    private final Path site;
    private final ReloadChannel channel;
    private final HttpServer server;
    private final ExecutorService threads;
    private final byte[] script;
    private final Supplier<String> hostPath;

    SiteServer(Path site, int port, ReloadChannel channel) {
        this(site, port, channel, null, () -> "/");
    }

    /**
     * @param inbox    takes the playground's "save as story" posts, or null for none
     * @param hostPath the site root's path on its host ({@code /attoscope/}), where the 404 page's links start: the
     *                 site is served there as well as at {@code /}, so that page is styled under serve as on its host
     */
    SiteServer(Path site, int port, ReloadChannel channel, StoryInbox inbox, Supplier<String> hostPath) {
        this.site = site.toAbsolutePath().normalize();
        this.hostPath = hostPath;
        this.channel = channel;
        this.script = resource("live.js");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0);
        } catch (BindException e) {
            throw new InputException(null, "port " + port + " on 127.0.0.1 is already in use (another attoscope serve?).",
                    "stop the other server, or pass another port: --port " + (port + 1) + ".");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // An open page holds one event-stream connection (and a thread) for as long as it is open.
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "attoscope-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        if (inbox != null) {
            server.createContext(StoryInbox.PATH, inbox);
        }
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Whether a request's Host names this server by its loopback address (or localhost) and its own port. */
    boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        String name = h.endsWith(":" + port()) ? h.substring(0, h.length() - (":" + port()).length()) : h;
        return name.equals("127.0.0.1") || name.equals("localhost");
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!isLoopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
                // DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends Host: evil.example
                send(ex, 421, "text/plain; charset=utf-8", ("attoscope serve answers only requests for http://127.0.0.1:" + port()
                        + "/ (or localhost)\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                send(ex, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = ex.getRequestURI().getPath();
            if (path.equals(EVENTS_PATH)) {
                events(ex);
            } else if (path.equals(SCRIPT_PATH)) {
                send(ex, 200, TYPES.get("js"), script);
            } else {
                file(ex, path);
            }
        }
    }

    private void file(HttpExchange ex, String requested) throws IOException {
        String base = hostPath.get();
        if (base.length() > 1 && requested.equals(base.substring(0, base.length() - 1))) {
            redirect(ex, base);
            return;
        }
        // the site answers at its host path too, where the 404 page's links point (see Addresses.hostRoot)
        String urlPath = base.length() > 1 && requested.startsWith(base) ? requested.substring(base.length() - 1) : requested;
        Path target = inSite(urlPath);
        if (target == null) {
            notFound(ex);
            return;
        }
        if (Files.isDirectory(target)) {
            if (!urlPath.endsWith("/")) {
                redirect(ex, requested + "/"); // relative links in the folder's index.html need the slash
                return;
            }
            target = target.resolve("index.html");
        }
        if (!Files.isRegularFile(target)) {
            notFound(ex);
            return;
        }
        String type = typeOf(target);
        byte[] body = Files.readAllBytes(target);
        send(ex, 200, type, type.startsWith("text/html") ? withScript(body) : body);
    }

    /**
     * The file {@code urlPath} names inside the site, or null for a path outside it or one the file system cannot
     * name. A NUL (%00) is refused before resolving, where it would throw: an exception in a handler drops the
     * connection without an answer.
     */
    private Path inSite(String urlPath) {
        if (urlPath.contains("\0")) {
            return null;
        }
        try {
            Path target = site.resolve(urlPath.replaceFirst("^/+", "")).normalize();
            return target.startsWith(site) ? target : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private void redirect(HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().set("Location", URI.create(to).toASCIIString());
        send(ex, 301, "text/plain; charset=utf-8", new byte[0]);
    }

    private void notFound(HttpExchange ex) throws IOException {
        Path page = site.resolve("404.html");
        byte[] body = Files.isRegularFile(page) ? withScript(Files.readAllBytes(page)) : "not found\n".getBytes(StandardCharsets.UTF_8);
        send(ex, 404, Files.isRegularFile(page) ? TYPES.get("html") : TYPES.get("txt"), body);
    }

    /** The page with the live script before its last {@code </body>}, stamped with the build it belongs to. */
    byte[] withScript(byte[] html) {
        String page = ContentPolicy.allowingLiveReload(new String(html, StandardCharsets.UTF_8));
        String tag = "<script src=\"" + SCRIPT_PATH + "\" data-build=\"" + channel.build() + "\"></script>";
        int body = page.lastIndexOf("</body>");
        String out = body < 0 ? page + tag : page.substring(0, body) + tag + page.substring(body);
        return out.getBytes(StandardCharsets.UTF_8);
    }

    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        OutputStream body = ex.getResponseBody();
        channel.join(body);
        try {
            while (channel.isConnected(body)) {
                Thread.sleep(HEARTBEAT_MILLIS);
                channel.heartbeat();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String typeOf(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }

    private static byte[] resource(String name) {
        try (InputStream in = SiteServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        channel.closeAll();
        server.stop(0);
        threads.shutdownNow();
    }
}
