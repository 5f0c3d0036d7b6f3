package org.mpjhpc.mapreduce.examples;

import org.mpjhpc.mapreduce.AssociativeReducer;
import org.mpjhpc.mapreduce.CountingMapper;
import org.mpjhpc.mapreduce.Counts;
import org.mpjhpc.mapreduce.InputRecord;
import org.mpjhpc.mapreduce.Words;

/**
 * Word count with the public API: every word of the line's bytes counted once (see
 * {@link Words}), the partial counts summed by {@link Sum}.
 */
public final class WordCount implements CountingMapper {
    private final Words words = new Words();

    @Override
    public void map(InputRecord record, Counts out) {
        words.each(record.bytes(), record.offset(), record.offset() + record.length(), out.words());
    }

    /** A line's end separates words like a space does: many lines are counted in one pass. */
    @Override
    public boolean mapLines(byte[] b, int from, int to, Counts out) {
        words.each(b, from, to, out.words());
        return true;
    }

    /** Adds counts: associative and commutative. */
    public static final class Sum implements AssociativeReducer<String, Long> {
        @Override
        public Long combine(Long a, Long b) {
            return a + b;
        }
    }
}
