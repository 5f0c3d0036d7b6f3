package org.mpjhpc.data.stats;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the second pass must look at, decided by the master from the first pass's
 * {@link KeyBuckets} summed over the workers. A bucket whose two ends fall in the same
 * histogram bin and on the same side of the outlier limits holds only such values (both
 * classifications are monotone), so its count goes into the result whole; only the few
 * buckets that straddle a bin edge or a limit ({@link #EDGE}) are classified value by
 * value. The bucket that holds each wanted rank of the quantiles is where its search
 * starts; its values are gathered in the same pass ({@link #QUANT}) unless they are too
 * many to hold ({@link #CAP}), and the search then takes them in one round (the start is
 * {@code held}).
 *
 * <p>Pure logic: the master's side of {@link GlobalPasses}.
 */
final class BucketPlan {
    static final byte EDGE = 1;
    static final byte QUANT = 2;
    /** A decoded flag's bits from this one up number the {@link #QUANT} buckets. */
    static final int SLOT = 2;
    /** At most this many values (all workers together) are gathered for the quantile search: 64 MB. */
    static final long CAP = 1L << 23;

    /** The buckets classified whole, already counted. */
    final SecondPass.Summary whole;
    /** Where the search for each wanted rank starts. */
    final Map<Long, QuantileSearch.Interval> starts = new HashMap<>();
    private final Map<Integer, Byte> flags = new TreeMap<>();

    /**
     * @param counts the summed {@link KeyBuckets} of all kept values, none NaN
     * @param whole  an empty summary over [min, max] of the values: gets the counts of whole buckets
     * @param ranks  the ranks the quantile search wants, ascending
     * @param slack  how many ranks a quantile may be off: a start holding no more needs no values
     * @param cap    at most this many values are gathered
     */
    BucketPlan(KeyBuckets.Sparse counts, SecondPass.Summary whole, long[] ranks, long slack, long cap) {
        this.whole = whole;
        Bins bins = whole.bins;
        long below = 0;
        long wanted = 0;
        int next = 0;
        for (int i = 0; i < counts.buckets().length; i++) {
            int b = counts.buckets()[i];
            long c = counts.counts()[i];
            double lo = atLeast(KeyBuckets.low(b), bins.lo());
            double hi = atMost(KeyBuckets.high(b), bins.hi());
            countOrFlag(b, c, lo, hi);
            boolean holdsRank = next < ranks.length && ranks[next] < below + c;
            boolean quant = holdsRank && c > slack && lo < hi;
            for (; next < ranks.length && ranks[next] < below + c; next++) {
                starts.put(ranks[next], new QuantileSearch.Interval(lo, hi, below, c, quant));
            }
            if (quant) {
                flags.put(b, (byte) (flags.getOrDefault(b, (byte) 0) | QUANT));
                wanted += c;
            }
            below += c;
        }
        if (next < ranks.length) {
            throw new IllegalStateException("rank " + ranks[next] + " beyond the " + below + " values counted");
        }
        if (wanted > cap) { // too many to hold: the search scans all values instead
            starts.replaceAll((rank, i) -> new QuantileSearch.Interval(i.lo(), i.hi(), i.below(), i.inside()));
            for (Integer b : flags.keySet().toArray(new Integer[0])) {
                byte f = (byte) (flags.get(b) & ~QUANT);
                if (f == 0) {
                    flags.remove(b);
                } else {
                    flags.put(b, f);
                }
            }
        }
    }

    /** Counts bucket {@code b}'s values, all in [lo, hi], whole if they classify alike, else flags it. */
    private void countOrFlag(int b, long c, double lo, double hi) {
        Bins bins = whole.bins;
        if (bins.index(lo) == bins.index(hi) && whole.side(lo) == whole.side(hi)) {
            whole.counts[bins.index(lo)] += c;
            whole.outliers += whole.side(lo) != 1 ? c : 0;
        } else {
            flags.put(b, EDGE);
        }
    }

    /** lo, or the bound when lo is below it (or NaN: the bottom of the lowest bucket). */
    private static double atLeast(double lo, double bound) {
        return lo >= bound ? lo : bound;
    }

    private static double atMost(double hi, double bound) {
        return hi <= bound ? hi : bound;
    }

    /** The flags of the buckets to look inside, for a Bcast. */
    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(flags.size() * 5);
        for (Map.Entry<Integer, Byte> f : flags.entrySet()) {
            out.putInt(f.getKey()).put(f.getValue());
        }
        return out.array();
    }

    /** Whether the second pass gathers values for the quantile search, from {@link #encode}. */
    static boolean gathers(byte[] encoded) {
        for (int at = 4; at < encoded.length; at += 5) {
            if ((encoded[at] & QUANT) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A flag per bucket, from {@link #encode}; above the flag bits ({@link #SLOT}), each
     * {@link #QUANT} bucket's place among them, in bucket order.
     */
    static int[] decode(byte[] encoded) {
        int[] flags = new int[KeyBuckets.SIZE];
        ByteBuffer in = ByteBuffer.wrap(encoded);
        int slot = 0;
        while (in.hasRemaining()) {
            int b = in.getInt();
            byte f = in.get();
            flags[b] = (f & QUANT) != 0 ? f | slot++ << SLOT : f;
        }
        return flags;
    }
}
