package org.mpjhpc.data.mapreduce;

import org.mpjhpc.data.ByteTable;

/**
 * What one map task leaves on its worker until the shuffle, and its counts: its pairs,
 * combined, as the codecs' bytes in one run per partition; or, from a counting task, its
 * table of counts, which the worker merges with its other accepted tasks' tables before
 * encoding them once ({@link WorkerOutputs}).
 *
 * @param parts     per partition: key and value bytes, pair after pair (null for a table)
 * @param records   input records read
 * @param emitted   pairs the mapper emitted
 * @param pairs     pairs kept for the shuffle (after the combiner and the {@code keys} filter)
 * @param bytes     input bytes read
 * @param partPairs per partition: the pairs in {@code parts} (null for a table)
 * @param table     a counting task's counts by key text, or null
 */
record MapOutput(byte[][] parts, long records, long emitted, long pairs, long bytes, long[] partPairs,
        ByteTable table) {

    /** A task's encoded pairs. */
    MapOutput(byte[][] parts, long records, long emitted, long pairs, long bytes, long[] partPairs) {
        this(parts, records, emitted, pairs, bytes, partPairs, null);
    }

    /** A counting task's table, encoded only when the shuffle needs it. */
    static MapOutput counted(ByteTable table, long records, long emitted, long bytes) {
        return new MapOutput(null, records, emitted, table.size(), bytes, null, table);
    }

    /** This output with its pairs as bytes per partition: a table is encoded as the STRING and LONG codecs write. */
    MapOutput encoded(int partitions) {
        return table == null ? this : CountTask.encode(table, partitions, records, emitted, bytes);
    }
}
