package org.mpjhpc.mapreduce;

/**
 * Merges two values of one key; must be associative and commutative (Spark's
 * {@code reduceByKey} function). Applied to each map task's output before the shuffle, and
 * the result must not depend on whether or how often it was applied.
 */
@FunctionalInterface
public interface Combiner<V> {
    V combine(V a, V b) throws Exception;
}
