package org.mpjhpc.data.stats;

import java.io.Serializable;
import java.util.Set;

/**
 * Which rows are kept, tested on the transformed value. A NaN or infinite value is
 * never compared with {@code min} and {@code max}: it is counted as non-finite and dropped,
 * or with {@code dropNan} false kept, making every statistic it enters undefined.
 *
 * @param min        smallest finite value kept (inclusive)
 * @param max        largest finite value kept (inclusive)
 * @param categories the categories kept, or empty for all
 * @param dropNan    drop NaN and infinite values (the default)
 */
public record RowFilter(double min, double max, Set<String> categories, boolean dropNan) implements Serializable {
    /** Keeps everything but NaN. */
    public static final RowFilter DEFAULT = new RowFilter(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Set.of(), true);

    /** Whether a finite value is kept. */
    boolean keepsValue(double x) {
        return x >= min && x <= max;
    }

    boolean keepsCategory(String category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
