package org.attoscope.util;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** sha256 as lower-case hex, the form every hash lock in attoscope is written in. */
public final class Sha256 {
    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    public static String hex(byte[] bytes, int offset, int length) {
        MessageDigest md = digest();
        md.update(bytes, offset, length);
        return HexFormat.of().formatHex(md.digest());
    }

    public static String hex(ByteBuffer buffer) {
        MessageDigest md = digest();
        md.update(buffer.duplicate());
        return HexFormat.of().formatHex(md.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
