package org.mpjhpc.data.generate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded text for the word count: lines of 4 to 16 words drawn from a vocabulary with
 * Zipf's law (the r-th word about 1/r as frequent as the first), as in natural text.
 * Words mix case and some carry accents ("Canción"), and punctuation separates them, so
 * the tokenizer has work to do. Like the records, block b is the same on any worker.
 */
final class TextGenerator {
    private static final String[] SYLLABLES = {"ca", "de", "mi", "lo", "ra", "ción", "to", "sa", "ne", "pu", "ár", "bo",
        "li", "fe", "ga", "ño", "te", "vi", "ma", "es"};
    private static final String[] SEPARATORS = {" ", " ", " ", ", ", ". ", "; ", " (", ") ", " - ", "! "};

    private final long seed;
    private final String[] vocabulary;
    private final double[] cumulative;

    TextGenerator(long seed, int words) {
        this.seed = seed;
        vocabulary = new String[words];
        cumulative = new double[words];
        double sum = 0;
        for (int r = 0; r < words; r++) {
            vocabulary[r] = word(r);
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        for (int r = 0; r < words; r++) {
            cumulative[r] /= sum;
        }
    }

    /** The r-th word: its syllables spell r in base 20, so every word is different. */
    private static String word(int r) {
        StringBuilder w = new StringBuilder();
        int n = r;
        do {
            w.append(SYLLABLES[n % SYLLABLES.length]);
            n /= SYLLABLES.length;
        } while (n > 0);
        return w.toString();
    }

    /** Lines {@code index * BLOCK_ROWS} onwards, at most {@code totalLines} in all. */
    byte[] block(long index, long totalLines) {
        long first = index * Generator.BLOCK_ROWS;
        int n = (int) Math.min(Generator.BLOCK_ROWS, totalLines - first);
        SplittableRandom random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + index);
        StringBuilder text = new StringBuilder(n * 60);
        for (int i = 0; i < n; i++) {
            int words = 4 + random.nextInt(13);
            for (int k = 0; k < words; k++) {
                String w = vocabulary[pick(random.nextDouble())];
                text.append(random.nextInt(8) == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                text.append(k + 1 < words ? SEPARATORS[random.nextInt(SEPARATORS.length)] : "\n");
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 16);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private int pick(double u) {
        int i = Arrays.binarySearch(cumulative, u);
        return Math.min(vocabulary.length - 1, i >= 0 ? i : -i - 1);
    }
}
