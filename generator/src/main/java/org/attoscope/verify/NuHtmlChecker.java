package org.attoscope.verify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nu.validator.validation.SimpleDocumentValidator;
import org.attoscope.util.LargeStack;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker (the W3C's HTML checker, {@code nu.validator:validator}) run in-process on page bytes.
 *
 * <p>Offline: the HTML5 schema it names by URL is a copy bundled in its jar, resolved locally, and pages are passed
 * as bytes, so nothing is fetched. Language detection is off (it loads large profiles and only ever suggests a
 * {@code lang}; every page declares {@code lang="en"}).
 *
 * <p>Setting a checker up (parsing the schema) costs about half a second, checking a page a few milliseconds to a
 * few tens, so checkers are made once and reused. One checker instance is single-threaded; this class keeps up to
 * {@code parallelism} of them, made on first need, and hands one to each calling thread, so pages can be checked
 * in parallel without dropping any.
 *
 * <p>Every checker is set up on a thread of its own with a large stack: parsing the schema recurses deeply, and on
 * a thread's default stack it overflows whenever the parser is not yet compiled by C2 (C1's and the interpreter's
 * frames are larger; seen with {@code -XX:TieredStopAtLevel=1}).
 */
public final class NuHtmlChecker {
    /** The checker's release, as pinned in generator/pom.xml; the report names it. */
    public static final String VERSION = "26.5.2";
    private static final String HTML_SCHEMA = "http://s.validator.nu/html5-all.rnc";
    private static final byte[] WARM_UP = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>warm-up</title>"
            + "</head><body><p id=\"a\"><a href=\"#a\">a</a></p><svg role=\"img\"><title>t</title><desc>d</desc>"
            + "<g class=\"cell\" data-bits=\"0\"><rect width=\"1\" height=\"1\"/></g></svg></body></html>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final long SET_UP_STACK_BYTES = 64L << 20;
    private static final String SET_UP_THREAD = "attoscope-html-checker-setup";

    private final int parallelism;
    private final BlockingQueue<Instance> idle = new LinkedBlockingQueue<>();
    private final AtomicLong elapsed = new AtomicLong();
    private int made;

    public NuHtmlChecker(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Every message the checker has about one page, in document order. */
    public List<HtmlMessage> check(String systemId, byte[] html) {
        long start = System.nanoTime();
        Instance instance = take();
        try {
            return instance.check(systemId, html);
        } finally {
            idle.add(instance);
            elapsed.addAndGet(System.nanoTime() - start);
        }
    }

    /** Time spent in {@link #check}, set-up included, summed over all calls and threads. */
    public long elapsedNanos() {
        return elapsed.get();
    }

    /**
     * Sets up every checker now, on background threads, and warms each up on a small page, so the schema parsing
     * and the first-use class loading overlap whatever the caller does next (loading the model, running the
     * engine, rendering pages) instead of adding to the verification's time. Calling it is optional and idempotent.
     */
    public void prepare() {
        int toMake;
        synchronized (this) {
            toMake = parallelism - made;
            made = parallelism;
        }
        for (int i = 0; i < toMake; i++) {
            LargeStack.start(SET_UP_THREAD, SET_UP_STACK_BYTES, () -> {
                try {
                    idle.add(setUp());
                } catch (Throwable e) {
                    // Not reported here: a caller that finds fewer checkers than allowed sets one up itself, and
                    // that failure reaches it (see take). Errors too, or the count would wait for a checker forever.
                    synchronized (this) {
                        made--;
                    }
                }
                return null;
            });
        }
    }

    private Instance take() {
        while (true) {
            Instance free;
            try {
                free = idle.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an HTML checker", e);
            }
            if (free != null) {
                return free;
            }
            synchronized (this) {
                // Fewer than allowed exist (none yet, or a background set-up failed): set one up here, where a
                // failure reaches the caller.
                if (made >= parallelism) {
                    continue;
                }
                made++;
            }
            try {
                return LargeStack.call(SET_UP_THREAD, SET_UP_STACK_BYTES, NuHtmlChecker::setUp);
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    made--;
                }
                throw e instanceof IllegalStateException ise ? ise
                        : new IllegalStateException("the Nu HTML Checker could not be set up: " + e, e);
            }
        }
    }

    private static Instance setUp() {
        Instance instance = new Instance();
        instance.check("warm-up", WARM_UP);
        return instance;
    }

    /** One set-up checker and the list its error handler currently writes to. */
    private static final class Instance implements ErrorHandler {
        private final SimpleDocumentValidator validator;
        private List<HtmlMessage> sink = new ArrayList<>();

        Instance() {
            try {
                validator = new SimpleDocumentValidator(true, false, false);
                validator.setUpMainSchema(HTML_SCHEMA, this);
                validator.setUpValidatorAndParsers(this, false, false);
            } catch (Exception e) {
                throw new IllegalStateException("the Nu HTML Checker could not load its bundled HTML schema", e);
            }
        }

        List<HtmlMessage> check(String systemId, byte[] html) {
            sink = new ArrayList<>();
            InputSource source = new InputSource(new ByteArrayInputStream(html));
            source.setSystemId(systemId);
            source.setEncoding("UTF-8");
            try {
                validator.checkHtmlInputSource(source);
            } catch (SAXException | IOException e) {
                // A fatal error has already reached fatalError(); anything else is reported here.
                if (sink.stream().noneMatch(m -> "fatal".equals(m.severity()))) {
                    sink.add(new HtmlMessage("fatal", -1, -1, String.valueOf(e.getMessage())));
                }
            }
            return List.copyOf(sink);
        }

        @Override
        public void warning(SAXParseException e) {
            sink.add(message("warning", e));
        }

        @Override
        public void error(SAXParseException e) {
            sink.add(message("error", e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            sink.add(message("fatal", e));
        }

        private static HtmlMessage message(String severity, SAXParseException e) {
            return new HtmlMessage(severity, e.getLineNumber(), e.getColumnNumber(), String.valueOf(e.getMessage()));
        }
    }
}
