package org.attoscope.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.attoscope.testing.Cli;
import org.attoscope.testing.TinyProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** serve refuses what it can before it builds (bad port, taken port), and answers only requests addressed to 127.0.0.1. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ServeChecksTest {
    @TempDir
    Path dir;

    private Cli.Run serve(TinyProject project, String port) {
        return Cli.attoscope("serve", "--content", project.content.toString(), "--templates", project.templates.toString(),
                "--out", project.site.toString(), "--port", port, "--threads", "1");
    }

    @Test
    void aPortOutsideTcpsRangeIsBadUsageAndTheSiteIsUntouched() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        Map<String, byte[]> before = snapshot(project.site);
        for (String port : new String[] {"99999", "-1", "65536"}) {
            Cli.Run run = serve(project, port);
            assertEquals(2, run.exit(), port + ": " + run.err());
            assertTrue(run.err().contains("--port " + port + " is not a TCP port"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertSame(before, snapshot(project.site));
    }

    @Test
    void aTakenPortFailsBeforeTheBuildWithExitOneAndTheVerificationReportSurvives() throws IOException {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        assertTrue(Files.isRegularFile(project.site.resolve("verification/index.html")));
        Map<String, byte[]> before = snapshot(project.site);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = serve(project, String.valueOf(taken.getLocalPort()));
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.err().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"), run.err());
            assertFalse(run.err().contains("Exception"), run.err());
        }
        assertSame(before, snapshot(project.site));
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        ReloadChannel channel = new ReloadChannel();
        try (SiteServer server = new SiteServer(project.site, 0, channel)) {
            int port = server.port();
            assertTrue(get(port, "127.0.0.1:" + port).startsWith("HTTP/1.1 200"));
            assertTrue(get(port, "localhost:" + port).startsWith("HTTP/1.1 200"));
            for (String host : new String[] {"evil.example:" + port, "evil.example", "127.0.0.1.evil.example:" + port, "127.0.0.2:" + port, ""}) {
                String response = get(port, host);
                assertTrue(response.startsWith("HTTP/1.1 421"), host + ": " + response);
                assertFalse(response.contains("<html"), "no page of the site goes to " + host);
            }
        }
    }

    @Test
    void aPathWithANulOrOutsideTheSiteIsNotFoundAndAlwaysAnswered() throws Exception {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        try (SiteServer server = new SiteServer(project.site, 0, new ReloadChannel())) {
            int port = server.port();
            String host = "127.0.0.1:" + port;
            // %00 used to throw while resolving, and the server dropped the connection without an answer
            for (String path : new String[] {"/%00", "/index.html%00.txt", "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                    "/assets/../../content/site.json"}) {
                String response = get(port, host, path);
                assertTrue(response.startsWith("HTTP/1.1 404"), path + ": " + response);
            }
        }
    }

    /**
     * With a base URL the 404 page links from the site's path on its host ({@code /attoscope/assets/site.css}); serve
     * answers there as well as at {@code /}, so a missing address shows the styled page as the host would.
     */
    @Test
    void withABaseUrlTheSiteAlsoAnswersAtItsPathOnTheHostWhereThe404PageLinks() throws Exception {
        TinyProject project = new TinyProject(dir);
        assertEquals(0, project.build(), project.err.toString());
        ReloadChannel channel = new ReloadChannel();
        try (SiteServer server = new SiteServer(project.site, 0, channel, null, () -> "/attoscope/")) {
            int port = server.port();
            String host = "127.0.0.1:" + port;
            String css = get(port, host, "/attoscope/assets/site.css");
            assertTrue(css.startsWith("HTTP/1.1 200"), css);
            assertTrue(css.endsWith(Files.readString(project.site.resolve("assets/site.css"))), "the site's own style sheet");
            assertTrue(get(port, host, "/assets/site.css").startsWith("HTTP/1.1 200"), "and still at the root");
            String folder = get(port, host, "/attoscope");
            assertTrue(folder.startsWith("HTTP/1.1 301") && folder.contains("Location: /attoscope/"), folder);
            String lessons = get(port, host, "/attoscope/lessons");
            assertTrue(lessons.startsWith("HTTP/1.1 301") && lessons.contains("Location: /attoscope/lessons/"), lessons);
            assertTrue(get(port, host, "/attoscope/index.html").startsWith("HTTP/1.1 200"));
            assertTrue(get(port, host, "/attoscope/no-such-page").startsWith("HTTP/1.1 404"));
        }
    }

    private static String get(int port, String host) throws IOException {
        return get(port, host, "/index.html");
    }

    private static String get(int port, String host, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertSame(Map<String, byte[]> before, Map<String, byte[]> after) {
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p));
    }

    private static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
