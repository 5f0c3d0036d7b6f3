package org.mpjhpc.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits UTF-8 text into words for the word count: a word is a maximal run of letters
 * and digits (Unicode, so "canción" is one word), lowercased; everything else, and bytes
 * that are not valid UTF-8, separates words. ASCII, the bulk of most text, is handled
 * byte by byte without decoding.
 */
final class Tokenizer {
    private byte[] word = new byte[256];
    private int length;
    private long words;

    /** Counts every word of {@code b[from, to)} into {@code table}; returns how many there were. */
    long count(byte[] b, int from, int to, ByteTable table) {
        words = 0;
        length = 0;
        int i = from;
        while (i < to) {
            int c = b[i] & 0xff;
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                append(c);
                i++;
            } else if (c >= 'A' && c <= 'Z') {
                append(c + 32);
                i++;
            } else if (c < 0x80) {
                flush(table);
                i++;
            } else {
                i = nonAscii(b, i, to, table);
            }
        }
        flush(table);
        return words;
    }

    /** Handles the multi-byte character at {@code i}; returns the index after it. */
    private int nonAscii(byte[] b, int i, int to, ByteTable table) {
        int c = b[i] & 0xff;
        int n = c >= 0xf8 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        if (n == 1 || i + n > to) {
            flush(table);
            return i + 1;
        }
        String s = new String(b, i, n, StandardCharsets.UTF_8);
        int cp = s.codePointAt(0);
        if (cp != 0xFFFD && Character.isLetterOrDigit(cp)) {
            String lower = new String(Character.toChars(Character.toLowerCase(cp)));
            for (byte x : lower.getBytes(StandardCharsets.UTF_8)) {
                append(x & 0xff);
            }
        } else {
            flush(table);
        }
        return i + n;
    }

    private void append(int c) {
        if (length == word.length) {
            word = Arrays.copyOf(word, length * 2);
        }
        word[length++] = (byte) c;
    }

    private void flush(ByteTable table) {
        if (length > 0) {
            table.add(word, 0, length, 1);
            words++;
            length = 0;
        }
    }
}
