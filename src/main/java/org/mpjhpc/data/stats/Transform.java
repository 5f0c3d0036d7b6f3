package org.mpjhpc.data.stats;

import java.io.Serializable;

/**
 * What is done to each value before the filters: unit conversion, then
 * {@code scale * x + offset}, then the natural log if asked (log of a value {@code <= 0} is NaN).
 *
 * @param unit   none, c_to_f, f_to_c, c_to_k or k_to_c
 * @param scale  multiplier
 * @param offset added after scaling
 * @param log    take the natural logarithm last
 */
public record Transform(String unit, double scale, double offset, boolean log) implements Serializable {
    /** Leaves values as they are. */
    public static final Transform NONE = new Transform("none", 1, 0, false);

    double apply(double x) {
        double y = scale * unit(x) + offset;
        return log ? (y > 0 ? Math.log(y) : Double.NaN) : y;
    }

    private double unit(double x) {
        return switch (unit) {
            case "c_to_f" -> x * 1.8 + 32;
            case "f_to_c" -> (x - 32) / 1.8;
            case "c_to_k" -> x + 273.15;
            case "k_to_c" -> x - 273.15;
            default -> x;
        };
    }

    boolean identity() {
        return unit.equals("none") && scale == 1 && offset == 0 && !log;
    }
}
