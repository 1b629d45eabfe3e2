package org.attoscope.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoscope.util.Json;

/**
 * The Server-Sent Events stream the injected script listens to: {@code reload} after a build that changed the
 * site (with the changed paths, so a page reloads only when it is one of them), {@code problem} after a broken
 * one. A page that connects first hears {@code hello} with the current build number and problem, so a page
 * opened while the site is broken shows the overlay at once.
 */
final class ReloadChannel {
    private final List<OutputStream> clients = new ArrayList<>();
    private int build;
    private BuildProblem problem;

    /** The number of the last good build, which pages are stamped with when served. */
    synchronized int build() {
        return build;
    }

    synchronized BuildProblem problem() {
        return problem;
    }

    /** A build succeeded; {@code changed} are the site paths it wrote or deleted (possibly none, after a fix that undid a broken edit). */
    synchronized void built(List<String> changed) {
        boolean wasBroken = problem != null;
        problem = null;
        if (changed.isEmpty() && !wasBroken) {
            return;
        }
        build++;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("build", build);
        data.put("changed", changed);
        broadcast("reload", data);
    }

    synchronized void failed(BuildProblem p) {
        problem = p;
        broadcast("problem", p);
    }

    /** Adds a connected page and greets it; the caller's thread then holds the connection open. */
    synchronized void join(OutputStream client) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("build", build);
        data.put("problem", problem);
        send(client, "hello", data);
        clients.add(client);
    }

    /** A comment line, which browsers ignore: finds connections whose page has gone. */
    synchronized void heartbeat() {
        broadcastRaw(": keep-alive\n\n");
    }

    synchronized boolean isConnected(OutputStream client) {
        return clients.contains(client);
    }

    synchronized void closeAll() {
        for (OutputStream c : clients) {
            try {
                c.close();
            } catch (IOException e) {
                // already gone
            }
        }
        clients.clear();
    }

    private void broadcast(String event, Object data) {
        broadcastRaw(frame(event, data));
    }

    private void broadcastRaw(String frame) {
        List<OutputStream> gone = new ArrayList<>();
        for (OutputStream c : clients) {
            try {
                c.write(frame.getBytes(StandardCharsets.UTF_8));
                c.flush();
            } catch (IOException e) {
                gone.add(c);
            }
        }
        clients.removeAll(gone);
    }

    private static void send(OutputStream client, String event, Object data) throws IOException {
        client.write(frame(event, data).getBytes(StandardCharsets.UTF_8));
        client.flush();
    }

    private static String frame(String event, Object data) {
        try {
            return "event: " + event + "\ndata: " + Json.writer().writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event always serialises", e);
        }
    }
}
