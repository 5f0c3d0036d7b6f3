package org.mpjhpc.data;

import java.io.Serializable;
import java.util.Set;

/**
 * Which rows are kept, tested on the transformed value.
 *
 * @param min        smallest value kept (inclusive)
 * @param max        largest value kept (inclusive)
 * @param categories the categories kept, or empty for all
 * @param dropNan    drop NaN values (else a NaN makes the statistics NaN, as it should)
 */
public record RowFilter(double min, double max, Set<String> categories, boolean dropNan) implements Serializable {
    /** Keeps everything but NaN. */
    public static final RowFilter DEFAULT = new RowFilter(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY,
            Set.of(), true);

    boolean keepsValue(double x) {
        if (Double.isNaN(x)) {
            return !dropNan;
        }
        return x >= min && x <= max;
    }

    boolean keepsCategory(String category) {
        return categories.isEmpty() || categories.contains(category);
    }
}
