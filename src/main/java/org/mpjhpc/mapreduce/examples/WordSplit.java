package org.mpjhpc.mapreduce.examples;

import java.util.function.Consumer;

/** Words of a decoded line as the word counts see them (see {@link org.mpjhpc.mapreduce.Words} for bytes). */
final class WordSplit {
    private WordSplit() {
    }

    static void each(String line, Consumer<String> word) {
        int n = line.length();
        int i = 0;
        while (i < n) {
            int start = i;
            char c = 0;
            while (i < n && ((c = line.charAt(i)) >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                i++; // lowercase ASCII, the bulk of most text: the word is a substring as it stands
            }
            if (i == n || c < 128 && !(c >= 'A' && c <= 'Z')) {
                if (i > start) {
                    word.accept(line.substring(start, i));
                }
                i++;
                continue;
            }
            i = general(line, start, word);
        }
    }

    /** A word with uppercase or non-ASCII characters, from {@code start}; returns where scanning goes on. */
    private static int general(String line, int start, Consumer<String> word) {
        StringBuilder w = new StringBuilder();
        int i = start;
        while (i < line.length()) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetterOrDigit(cp)) {
                break;
            }
            w.appendCodePoint(Character.toLowerCase(cp));
        }
        if (w.length() > 0) {
            word.accept(w.toString());
        }
        return i;
    }
}
