package org.mpjhpc.data;

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
 * @param shift the reference value; {@code mean} is relative to it
 */
public record Moments(long count, double shift, double mean, double m2, double min, double max) {
    /** No values yet. */
    public static final Moments EMPTY = new Moments(0, 0, 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);

    /** These statistics with one more value (Welford's update on shifted values). */
    public Moments add(double x) {
        double k = count == 0 ? x : shift;
        double y = x - k;
        long n = count + 1;
        double delta = y - mean;
        double newMean = mean + delta / n;
        return new Moments(n, k, newMean, m2 + delta * (y - newMean), Math.min(min, x), Math.max(max, x));
    }

    /** The statistics of both sets of values together (the result keeps this one's shift). */
    public Moments merge(Moments o) {
        if (o.count == 0) {
            return this;
        }
        if (count == 0) {
            return o;
        }
        long n = count + o.count;
        double delta = (o.shift - shift) + (o.mean - mean);
        double newMean = mean + delta * ((double) o.count / n);
        double newM2 = m2 + o.m2 + delta * delta * ((double) count * o.count / n);
        return new Moments(n, shift, newMean, newM2, Math.min(min, o.min), Math.max(max, o.max));
    }

    /** The mean of the values. */
    public double average() {
        return shift + mean;
    }

    public double sum() {
        return count * shift + count * mean;
    }

    /** Sample variance (n - 1), or NaN for fewer than two values. */
    public double variance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    public double stddev() {
        return Math.sqrt(variance());
    }

    /** The state as six doubles, for a Reduce over MPI. */
    public double[] toArray() {
        return new double[] {count, shift, mean, m2, min, max};
    }

    public static Moments fromArray(double[] a, int at) {
        return new Moments((long) a[at], a[at + 1], a[at + 2], a[at + 3], a[at + 4], a[at + 5]);
    }
}
