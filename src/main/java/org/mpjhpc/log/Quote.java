package org.mpjhpc.log;

/**
 * A user's text (a value, a header, a word) quoted in a message or log line, at most
 * {@link #MAX} characters of it: a 100 MB header must not become a 100 MB message.
 */
public final class Quote {
    /** Characters of the user's text shown, at most. */
    public static final int MAX = 200;

    private Quote() {
    }

    /** {@code 'text'}, or its first {@link #MAX} characters and how long it was. */
    public static String of(Object text) {
        return "'" + clip(String.valueOf(text)) + "'";
    }

    /** {@code 'text'} of UTF-8 bytes {@code b[from, to)}, decoding at most {@link #MAX} bytes of them. */
    public static String utf8(byte[] b, int from, int to) {
        if (to - from <= MAX) {
            return "'" + new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8) + "'";
        }
        return "'" + new String(b, from, MAX, java.nio.charset.StandardCharsets.UTF_8) + "... (" + (to - from)
                + " bytes)'";
    }

    /** The text itself, or its first {@link #MAX} characters and how long it was. */
    public static String clip(String s) {
        if (s.length() <= MAX) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(MAX - 1)) ? MAX - 1 : MAX; // never half a character
        return s.substring(0, end) + "... (" + s.length() + " characters)";
    }
}
