package org.mpjhpc.mapreduce;

/**
 * Turns each input record into key/value pairs (Hadoop's {@code Mapper}). A new instance
 * serves each map task, so fields may hold per-task state; {@link #setup} comes first.
 *
 * @param <K> the key type; the shuffle sends keys through {@link #keyCodec()}
 * @param <V> the value type; sent through {@link #valueCodec()}
 */
public interface Mapper<K, V> {
    /** Emits the pairs of one record. An exception fails the task (it is retried; see {@code max_attempts}). */
    void map(InputRecord record, Emitter<K, V> out) throws Exception;

    /** How keys become bytes in the shuffle (see {@link KeyCodec#STRING} and the others). */
    KeyCodec<K> keyCodec();

    /** How values become bytes in the shuffle. */
    KeyCodec<V> valueCodec();

    /** Whether {@link InputRecord#line()} is needed: it costs one extra pass over the input. */
    default boolean lineNumbers() {
        return false;
    }

    /** Called once per task before the first record. */
    default void setup(TaskContext context) throws Exception {
    }
}
