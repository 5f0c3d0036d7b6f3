package org.mpjhpc.comm;

import java.util.function.ToIntFunction;

/**
 * A message seen by a probe and not yet received: its source, its tag number and how many
 * elements it holds of a given array type ({@code byte[].class}, {@code double[].class}...).
 */
public record Envelope(int source, int tag, ToIntFunction<Class<?>> counter) {
    /** The message's length in elements of {@code arrayType}. */
    public int count(Class<?> arrayType) {
        return counter.applyAsInt(arrayType);
    }
}
