package org.attoscope.capture;

import java.nio.file.Path;
import org.attoscope.InputException;
import org.attoscope.util.Sha256;

/**
 * A tensor's hash lock: the sha256 its raw bytes (as stored, before any dtype conversion) must have before a single
 * value of it is used.
 *
 * <p>Hashing the stored bytes rather than decoded floats means the lock also covers bits a conversion would hide
 * (a NaN payload, the sign of a zero) and can be checked by anyone with {@code sha256sum} and a byte range.
 *
 * @param captureFile the safetensors file the bytes come from, named in a mismatch
 * @param tensor      the tensor's name
 * @param sha256      the expected hash, from the manifest
 */
public record HashLock(Path captureFile, String tensor, String sha256) {

    /** The actual hash of {@code raw}, or null when it matches. */
    public String mismatch(byte[] raw) {
        String actual = Sha256.hex(raw);
        return actual.equals(sha256) ? null : actual;
    }

    /** Returns {@code raw} unchanged if it hashes to the lock; otherwise fails naming file, tensor and both hashes. */
    public byte[] open(byte[] raw) {
        String actual = mismatch(raw);
        if (actual != null) {
            throw new InputException(captureFile, "tensor " + tensor + " does not match its hash lock: the manifest says sha256 " + sha256
                    + " but its bytes hash to " + actual + ".",
                    "the capture was changed after it was made; restore it (git checkout) or make it again with `attoscope capture`.");
        }
        return raw;
    }
}
