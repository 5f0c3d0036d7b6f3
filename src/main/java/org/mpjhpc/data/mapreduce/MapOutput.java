package org.mpjhpc.data.mapreduce;

/**
 * What one map task leaves on its worker until the shuffle: its pairs, combined, as the
 * codecs' bytes in one run per partition, and its counts.
 *
 * @param parts    per partition: key and value bytes, pair after pair
 * @param records  input records read
 * @param emitted  pairs the mapper emitted
 * @param pairs    pairs kept for the shuffle (after the combiner and the {@code keys} filter)
 * @param bytes    input bytes read
 * @param partPairs per partition: the pairs in {@code parts}
 */
record MapOutput(byte[][] parts, long records, long emitted, long pairs, long bytes, long[] partPairs) {
}
