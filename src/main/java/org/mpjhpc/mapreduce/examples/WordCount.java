package org.mpjhpc.mapreduce.examples;

import org.mpjhpc.mapreduce.AssociativeReducer;
import org.mpjhpc.mapreduce.Emitter;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Mapper;
import org.mpjhpc.mapreduce.InputRecord;

/** Word count with the public API: each word with 1, summed (the sum is its own combiner). */
public final class WordCount implements Mapper<String, Long> {
    private static final Long ONE = 1L;

    @Override
    public void map(InputRecord record, Emitter<String, Long> out) {
        Words.each(record.text(), w -> out.emit(w, ONE));
    }

    @Override
    public KeyCodec<String> keyCodec() {
        return KeyCodec.STRING;
    }

    @Override
    public KeyCodec<Long> valueCodec() {
        return KeyCodec.LONG;
    }

    /** Adds counts: associative and commutative, so it serves as the combiner too. */
    public static final class Sum implements AssociativeReducer<String, Long> {
        @Override
        public Long combine(Long a, Long b) {
            return a + b;
        }
    }
}
