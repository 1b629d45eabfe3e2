package org.attoscope.util;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The sha256 of files that are read again and again ({@code attoscope serve} reads its sources on every update):
 * a file whose bytes equal, byte for byte, those it had at its last hashing keeps that hash, so only changed bytes
 * are hashed. The bytes are still read and compared in full every time; comparing is a small fraction of hashing.
 * Thread-safe; holds the last bytes of every file it hashed.
 */
public final class FileHashes {
    private record Known(byte[] bytes, String sha256) {
    }

    private final ConcurrentMap<Path, Known> known = new ConcurrentHashMap<>();

    /** The sha256 of {@code bytes}, just read from {@code file}; the caller must not change them afterwards. */
    public String sha256(Path file, byte[] bytes) {
        Known k = known.get(file);
        if (k != null && Arrays.equals(k.bytes(), bytes)) {
            return k.sha256();
        }
        String sha256 = Sha256.hex(bytes);
        known.put(file, new Known(bytes, sha256));
        return sha256;
    }
}
