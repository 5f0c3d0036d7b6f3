package org.mpjhpc.data.wordcount;

import org.mpjhpc.data.ByteTable;
import org.mpjhpc.mapreduce.Words;

/** The word count's words ({@link Words}, shared with the MapReduce API), counted into a table. */
final class Tokenizer {
    private final Words words = new Words();

    /** Counts every word of {@code b[from, to)} into {@code table}; returns how many there were. */
    long count(byte[] b, int from, int to, ByteTable table) {
        return words.each(b, from, to, (w, off, len) -> table.add(w, off, len, 1));
    }
}
