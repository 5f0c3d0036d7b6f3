package org.mpjhpc.mapreduce;

/**
 * A mapper for counting jobs (word counts, histograms of text keys): it adds to counts of
 * text keys instead of emitting pairs, and may work on the record's raw bytes. Keys are
 * strings and values longs, summed within each map task in a table of bytes (no object per
 * pair), so the shuffle carries one pair per key per task; name a {@code Reducer<String,
 * Long>} (usually one that sums, such as the word count's) to turn each key's partial
 * counts into its output. A {@code combiner:} does not apply.
 */
public interface CountingMapper {
    /** Adds the counts of one record. An exception fails the task (it is retried). */
    void map(InputRecord record, Counts out) throws Exception;

    /**
     * Adds the counts of many whole lines at once: {@code b[from, to)}, each line ending with
     * {@code '\n'} (but perhaps the input's last). Returns false, by default, to have each line
     * handed to {@link #map} instead. Override it, as Hadoop users override
     * {@code Mapper.run}, where a line's end is only a separator to the mapper (a word count):
     * it saves a record and a call per line. Used only for {@code record: line} without
     * {@link #lineNumbers()}; it must count what {@link #map} would over the same lines.
     */
    default boolean mapLines(byte[] b, int from, int to, Counts out) throws Exception {
        return false;
    }

    /** Whether {@link InputRecord#line()} is needed: it costs one extra pass over the input. */
    default boolean lineNumbers() {
        return false;
    }

    /** Called once per task before the first record. */
    default void setup(TaskContext context) throws Exception {
    }
}
