package org.mpjhpc.mapreduce;

import java.util.Arrays;

/**
 * Splits UTF-8 text into words, as the word counts count them: a word is a maximal run of
 * letters and digits (Unicode, so "canción" is one word), lowercased; everything else, and
 * bytes that are not valid UTF-8 (as Java's decoder judges them), separates words. One
 * instance per thread: it keeps a buffer.
 *
 * <p>Why it is written this way: a word of lowercase ASCII, the bulk of most text, is
 * handed over where it lies, without a copy; other words are lowercased into a buffer, with
 * multi-byte characters decoded by hand (a table for the two-byte ones) instead of through
 * a {@code String} per character, which allocated three objects for every accented letter
 * and, on a byte that starts no valid sequence, swallowed the byte after it.
 */
public final class Words {
    /** ASCII bytes: separator, lowercase letter or digit, uppercase letter. */
    private static final byte SEPARATOR = 0;
    private static final byte LOWER = 1;
    private static final byte UPPER = 2;
    private static final byte[] ASCII = new byte[128];
    /** For the code points below 0x800: the lowercase code point, or -1 if not a letter or digit. */
    private static final int[] TWO_BYTE = new int[0x800];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            ASCII[c] = LOWER;
            ASCII[c - 32] = UPPER;
        }
        for (int c = '0'; c <= '9'; c++) {
            ASCII[c] = LOWER;
        }
        for (int cp = 0; cp < TWO_BYTE.length; cp++) {
            TWO_BYTE[cp] = Character.isLetterOrDigit(cp) ? Character.toLowerCase(cp) : -1;
        }
    }

    private byte[] word = new byte[256];
    private int length;

    /** Where the words go: each as UTF-8 bytes, valid only during the call. */
    @FunctionalInterface
    public interface Sink {
        void word(byte[] b, int offset, int length);
    }

    /** Hands every word of {@code b[from, to)} to {@code sink}; returns how many there were. */
    public long each(byte[] b, int from, int to, Sink sink) {
        long words = 0;
        int i = from;
        while (i < to) {
            int start = i;
            while (i < to && b[i] >= 0 && ASCII[b[i]] == LOWER) {
                i++;
            }
            if (i == to || b[i] >= 0 && ASCII[b[i]] == SEPARATOR) { // the word ends here: count it in place
                if (i > start) {
                    sink.word(b, start, i - start);
                    words++;
                }
                i++;
                continue;
            }
            length = 0; // it goes on with an uppercase or a multi-byte character
            for (int k = start; k < i; k++) {
                append(b[k]);
            }
            i = rest(b, i, to);
            if (length > 0) {
                sink.word(word, 0, length);
                words++;
            }
        }
        return words;
    }

    /** Appends the rest of a word from {@code i}; returns the index after the separator that ends it. */
    private int rest(byte[] b, int i, int to) {
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                if (ASCII[c] == SEPARATOR) {
                    return i + 1;
                }
                append(ASCII[c] == UPPER ? c + 32 : c);
                i++;
                continue;
            }
            int n = Utf8.length(b, i, to);
            if (n == 0) {
                return i + 1; // not valid UTF-8: a separator
            }
            int cp = Utf8.decode(b, i, n);
            int lower = cp < TWO_BYTE.length ? TWO_BYTE[cp]
                    : Character.isLetterOrDigit(cp) ? Character.toLowerCase(cp) : -1;
            if (lower < 0) {
                return i + n;
            }
            appendCodePoint(lower);
            i += n;
        }
        return to;
    }

    private void appendCodePoint(int cp) {
        if (cp < 0x80) {
            append(cp);
        } else if (cp < 0x800) {
            append(0xc0 | cp >> 6);
            append(0x80 | cp & 0x3f);
        } else if (cp < 0x10000) {
            append(0xe0 | cp >> 12);
            append(0x80 | cp >> 6 & 0x3f);
            append(0x80 | cp & 0x3f);
        } else {
            append(0xf0 | cp >> 18);
            append(0x80 | cp >> 12 & 0x3f);
            append(0x80 | cp >> 6 & 0x3f);
            append(0x80 | cp & 0x3f);
        }
    }

    private void append(int c) {
        if (length == word.length) {
            word = Arrays.copyOf(word, length * 2);
        }
        word[length++] = (byte) c;
    }

    /** UTF-8 sequences, checked as strictly as Java's decoder checks them. */
    static final class Utf8 {
        private Utf8() {
        }

        /** The length of the valid sequence at {@code i} (2 to 4 bytes), or 0 if there is none. */
        static int length(byte[] b, int i, int to) {
            int c = b[i] & 0xff;
            int n = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
            if (n == 0 || i + n > to) {
                return 0;
            }
            int second = b[i + 1] & 0xff;
            int low = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80; // no overlong forms
            int high = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf; // no surrogates, nothing above U+10FFFF
            if (second < low || second > high) {
                return 0;
            }
            for (int k = 2; k < n; k++) {
                if ((b[i + k] & 0xc0) != 0x80) {
                    return 0;
                }
            }
            return n;
        }

        /** The code point of the valid {@code n}-byte sequence at {@code i}. */
        static int decode(byte[] b, int i, int n) {
            int cp = b[i] & (n == 2 ? 0x1f : n == 3 ? 0x0f : 0x07);
            for (int k = 1; k < n; k++) {
                cp = cp << 6 | b[i + k] & 0x3f;
            }
            return cp;
        }
    }
}
