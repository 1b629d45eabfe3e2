package org.attoscope.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build writes a site while the verifier's early checks read it (hashing the scripts a page loads), and
 * {@code serve} rewrites a site a browser is reading: a file is there whole, in its old or new bytes, or not at all.
 */
class PageWriterTest {
    @TempDir
    Path dir;

    @Test
    void aReaderWhileAFileIsWrittenSeesItWholeOrNotAtAllAndNoTemporaryFileIsLeft() throws Exception {
        Path file = dir.resolve("assets/weights.js");
        // the size of the playground's weights script, which is written after the page that loads it
        byte[] a = new byte[5 << 20];
        byte[] b = new byte[5 << 20];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> torn = reader.submit(() -> {
                int n = 0;
                while (writing.get()) {
                    byte[] seen = readIfThere(file);
                    if (seen != null && !Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
                        n++;
                    }
                }
                return n;
            });
            for (int i = 0; i < 20; i++) {
                PageWriter.FILES.write(file, i % 2 == 0 ? a : b);
            }
            writing.set(false);
            assertEquals(0, torn.get(), "reads that found part of a file");
        } finally {
            reader.shutdownNow();
        }
        assertTrue(Arrays.equals(b, Files.readAllBytes(file)));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "only the file itself is left");
        }
    }

    private static byte[] readIfThere(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
