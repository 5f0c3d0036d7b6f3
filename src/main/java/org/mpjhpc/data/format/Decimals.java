package org.mpjhpc.data.format;

import java.nio.charset.StandardCharsets;

/**
 * Parses a number from bytes without making a String. Plain decimals of up to 15
 * significant digits and 22 fraction digits, the common case in sensor data, take the
 * exact fast path: the digits as a long divided by a power of ten, both exact doubles, so
 * IEEE division rounds once and the result equals {@link Double#parseDouble}'s. Anything
 * else (exponents, more digits, NaN, Infinity) goes to {@code Double.parseDouble}.
 */
public final class Decimals {
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Decimals() {
    }

    /** The number in {@code b[from, to)}; throws NumberFormatException when there is none. */
    public static double parse(byte[] b, int from, int to) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long digits = 0;
        int significant = 0;
        int fraction = 0;
        boolean point = false;
        boolean any = false;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                any = true;
                if (significant > 0 || c != '0') {
                    significant++;
                }
                digits = digits * 10 + (c - '0');
                if (point) {
                    fraction++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return slow(b, from, to);
            }
        }
        if (!any || significant > 15 || fraction >= POW10.length) {
            return slow(b, from, to);
        }
        double value = fraction == 0 ? (double) digits : digits / POW10[fraction];
        return negative ? -value : value;
    }

    private static double slow(byte[] b, int from, int to) {
        String text = new String(b, from, to - from, StandardCharsets.UTF_8).trim();
        if (text.isEmpty() || Character.isLetter(text.charAt(text.length() - 1))
                && !text.endsWith("NaN") && !text.endsWith("Infinity")) {
            // Java also accepts "1d" and "2f"; a data file means no such thing.
            throw new NumberFormatException(text);
        }
        return Double.parseDouble(text);
    }
}
