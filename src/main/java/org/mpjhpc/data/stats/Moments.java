package org.mpjhpc.data.stats;

/**
 * Running statistics of a stream of values: count, mean, the sum of squared deviations
 * (M2), minimum and maximum. {@link #merge} combines two partial states with the parallel
 * formula of Chan, Golub and LeVeque; it is associative, so the same merge serves as a
 * worker's combiner and as the Reduce across workers.
 *
 * <p>Values are accumulated relative to a shift (the first value seen), so data near 1e9
 * with a spread of 1 keeps its variance to round-off: {@code x - shift} is exact for
 * nearby values, and the mean and M2 are then computed on small numbers.
 *
 * <p>Deviations beyond {@link #LIMIT} (values near 1e308, or far from the shift) would
 * overflow when squared, so such statistics are kept <em>scaled</em>: shift, mean and M2
 * describe the values times {@link #SCALE} (a power of two, so exact). Finite values then
 * give a finite mean and standard deviation; a sum or variance beyond the double range is
 * infinite, and the report writes it as null.
 *
 * @param shift  the reference value; {@code mean} is relative to it
 * @param scaled shift, mean and M2 are of the values times {@link #SCALE} (M2 times its square)
 */
public record Moments(long count, double shift, double mean, double m2, double min, double max, boolean scaled) {
    /** No values yet. */
    public static final Moments EMPTY = new Moments(0, 0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    /** Doubles per state in {@link #toArray}. */
    public static final int WIDTH = 7;
    /** Largest deviation kept unscaled: its square times 2^60 values is still finite. */
    static final double LIMIT = 0x1p480;
    /** 2^-600: maps every double above {@link #LIMIT} to a normal number whose square is finite. */
    static final double SCALE = 0x1p-600;

    /** Unscaled statistics. */
    public Moments(long count, double shift, double mean, double m2, double min, double max) {
        this(count, shift, mean, m2, min, max, false);
    }

    /** These statistics with one more value (Welford's update on shifted values). */
    public Moments add(double x) {
        double k = count == 0 ? x : shift;
        if (!scaled && !(Math.abs(x - k) > LIMIT)) { // NaN stays here: it makes every statistic NaN
            return welford(x, k, x - k, false);
        }
        if (!scaled && count > 0) {
            return toScaled().add(x);
        }
        double s = x * SCALE;
        double ks = count == 0 ? s : shift;
        return welford(x, ks, s - ks, true);
    }

    private Moments welford(double x, double k, double y, boolean asScaled) {
        long n = count + 1;
        double delta = y - mean;
        double newMean = mean + delta / n;
        return new Moments(n, k, newMean, m2 + delta * (y - newMean), Math.min(min, x), Math.max(max, x), asScaled);
    }

    /** The statistics of both sets of values together (the result keeps this one's shift). */
    public Moments merge(Moments o) {
        if (o.count == 0) {
            return this;
        }
        if (count == 0) {
            return o;
        }
        if (!scaled && !o.scaled) {
            double delta = (o.shift - shift) + (o.mean - mean);
            if (Math.abs(delta) <= LIMIT || Double.isNaN(delta)) {
                return chan(o, delta, false);
            }
        }
        Moments a = toScaled();
        Moments b = o.toScaled();
        return a.chan(b, (b.shift - a.shift) + (b.mean - a.mean), true);
    }

    private Moments chan(Moments o, double delta, boolean asScaled) {
        long n = count + o.count;
        double newMean = mean + delta * ((double) o.count / n);
        double newM2 = m2 + o.m2 + delta * delta * ((double) count * o.count / n);
        return new Moments(n, shift, newMean, newM2, Math.min(min, o.min), Math.max(max, o.max), asScaled);
    }

    /** The same statistics kept scaled (an M2 far below the scaled values' spread may lose its last bits). */
    Moments toScaled() {
        return scaled ? this : new Moments(count, shift * SCALE, mean * SCALE, m2 * SCALE * SCALE, min, max, true);
    }

    /** The mean of the values. */
    public double average() {
        return scaled ? (shift + mean) / SCALE : shift + mean;
    }

    /** The sum of the values; infinite when it lies beyond the double range. */
    public double sum() {
        return scaled ? (count * shift + count * mean) / SCALE : count * shift + count * mean;
    }

    /** Sample variance (n - 1), or NaN for fewer than two values; infinite beyond the double range. */
    public double variance() {
        if (count < 2) {
            return Double.NaN;
        }
        return scaled ? m2 / (count - 1) / SCALE / SCALE : m2 / (count - 1);
    }

    /** Sample standard deviation (n - 1), or NaN for fewer than two values. */
    public double stddev() {
        if (count < 2) {
            return Double.NaN;
        }
        return scaled ? Math.sqrt(m2 / (count - 1)) / SCALE : Math.sqrt(m2 / (count - 1));
    }

    /** The state as {@link #WIDTH} doubles, for a Reduce over MPI. */
    public double[] toArray() {
        return new double[] {count, shift, mean, m2, min, max, scaled ? 1 : 0};
    }

    public static Moments fromArray(double[] a, int at) {
        return new Moments((long) a[at], a[at + 1], a[at + 2], a[at + 3], a[at + 4], a[at + 5], a[at + 6] != 0);
    }

    /** States side by side, {@link #WIDTH} doubles each: the buffer of the MPI reduction. */
    static double[] pack(Moments[] states) {
        double[] out = new double[states.length * WIDTH];
        for (int g = 0; g < states.length; g++) {
            System.arraycopy(states[g].toArray(), 0, out, g * WIDTH, WIDTH);
        }
        return out;
    }

    /** The states {@link #pack} wrote, or null for null (a rank without the reduction's result). */
    static Moments[] unpack(double[] packed) {
        if (packed == null) {
            return null;
        }
        Moments[] out = new Moments[packed.length / WIDTH];
        for (int g = 0; g < out.length; g++) {
            out[g] = fromArray(packed, g * WIDTH);
        }
        return out;
    }

    /** {@link #merge} on packed states: the user operation of the MPI reduction, the same merge as the local combine. */
    static void mergePacked(double[] in, int inOffset, double[] inOut, int inOutOffset) {
        Moments merged = fromArray(in, inOffset).merge(fromArray(inOut, inOutOffset));
        System.arraycopy(merged.toArray(), 0, inOut, inOutOffset, WIDTH);
    }
}
