package org.mpjhpc.mapreduce;

/** Where a {@link Mapper} puts its key/value pairs. */
@FunctionalInterface
public interface Emitter<K, V> {
    void emit(K key, V value);
}
