package org.mpjhpc.mapreduce;

import java.util.List;

/**
 * Turns all the values of one key into the key's output (Hadoop's {@code Reducer}). Keys
 * reach it in sorted order within a partition; the output is written as
 * {@code key TAB value} with the value's {@code toString()}.
 *
 * @param <K> the key type
 * @param <V> the value type the mapper emits
 */
public interface Reducer<K, V> {
    /** The key's output value, or null to leave the key out. An exception fails the partition's reduce task. */
    Object reduce(K key, List<V> values) throws Exception;

    /** Called once per reduce task (one per partition) before the first key. */
    default void setup(TaskContext context) throws Exception {
    }
}
