package org.mpjhpc.mapreduce;

import java.util.List;

/**
 * A reducer that is one associative and commutative merge, so it also serves as its own
 * combiner (name it as {@code reducer:} alone; {@code combiner:} may be left out).
 */
public interface AssociativeReducer<K, V> extends Reducer<K, V>, Combiner<V> {
    @Override
    default Object reduce(K key, List<V> values) throws Exception {
        V sum = values.get(0);
        for (int i = 1; i < values.size(); i++) {
            sum = combine(sum, values.get(i));
        }
        return sum;
    }
}
