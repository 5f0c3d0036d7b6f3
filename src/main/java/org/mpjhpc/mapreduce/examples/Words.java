package org.mpjhpc.mapreduce.examples;

import java.util.function.Consumer;

/** Words as the word count sees them: maximal runs of Unicode letters and digits, lowercased. */
final class Words {
    private Words() {
    }

    static void each(String line, Consumer<String> word) {
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(Character.toLowerCase(cp));
            } else if (w.length() > 0) {
                word.accept(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            word.accept(w.toString());
        }
    }
}
