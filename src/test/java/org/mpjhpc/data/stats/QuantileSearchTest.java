package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.junit.jupiter.api.Test;

class QuantileSearchTest {
    /** Workers holding parts of the data, answering queries the way the MPI job does. */
    static QuantileSearch.Cluster cluster(List<double[]> parts, int[] rounds) {
        return searching(parts.stream().<Function<QuantileSearch.Query, KeptValues>>map(
                p -> q -> KeptValues.of(p, p.length)).toList(), rounds);
    }

    /** Workers answering each query from the values they give for it. */
    static QuantileSearch.Cluster searching(List<Function<QuantileSearch.Query, KeptValues>> parts, int[] rounds) {
        return queries -> {
            rounds[0]++;
            List<QuantileSearch.Answer> answers = new ArrayList<>();
            for (QuantileSearch.Query q : queries) {
                if (q.gather()) {
                    List<double[]> got = new ArrayList<>();
                    for (Function<QuantileSearch.Query, KeptValues> p : parts) {
                        SecondPass.Gather g = new SecondPass.Gather(List.of(q));
                        p.apply(q).scan(g);
                        got.add(g.values(0));
                    }
                    answers.add(new QuantileSearch.Answer(null, null, null,
                            got.stream().flatMapToDouble(java.util.Arrays::stream).toArray()));
                } else {
                    QuantileSearch.Answer sum = null;
                    for (Function<QuantileSearch.Query, KeptValues> p : parts) {
                        SecondPass.Histograms h = new SecondPass.Histograms(List.of(q));
                        p.apply(q).scan(h);
                        QuantileSearch.Answer a = h.answers[0];
                        sum = sum == null ? a : add(sum, a);
                    }
                    answers.add(sum);
                }
            }
            return answers;
        };
    }

    /** Every rank starts in [min, max], among all {@code count} values: the search without the first pass's buckets. */
    private static QuantileSearch.Locator whole(long count, double min, double max) {
        return rank -> new QuantileSearch.Interval(min, max, 0, count);
    }

    private static QuantileSearch.Answer add(QuantileSearch.Answer a, QuantileSearch.Answer b) {
        for (int i = 0; i < a.counts().length; i++) {
            a.counts()[i] += b.counts()[i];
            a.mins()[i] = Math.min(a.mins()[i], b.mins()[i]);
            a.maxs()[i] = Math.max(a.maxs()[i], b.maxs()[i]);
        }
        return a;
    }

    private static void check(double[] all, int workers, int[] rounds) {
        List<double[]> parts = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            parts.add(Arrays.copyOfRange(all, all.length * w / workers, all.length * (w + 1) / workers));
        }
        List<Double> ps = List.of(0.0, 0.5, 0.9, 0.99, 1.0, 0.123);
        double min = Arrays.stream(all).min().getAsDouble();
        double max = Arrays.stream(all).max().getAsDouble();
        double[] got = QuantileSearch.quantiles(ps, all.length, 0, whole(all.length, min, max),
                cluster(parts, rounds));
        Percentile numpyDefault = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        for (int i = 0; i < ps.size(); i++) {
            double expected = ps.get(i) == 0 ? min : numpyDefault.evaluate(all, Math.max(1e-9, ps.get(i) * 100));
            assertEquals(expected, got[i], Math.ulp(expected) * 4, "p=" + ps.get(i));
        }
    }

    @Test
    void exactOnSmoothSkewedAndTiedData() {
        Random r = new Random(11);
        int[] rounds = {0};
        check(r.doubles(300_000).map(x -> -Math.log(x)).toArray(), 3, rounds);
        check(r.ints(200_000, 0, 5).asDoubleStream().toArray(), 4, rounds);
        double[] spike = r.doubles(250_000, 0, 1).toArray();
        Arrays.fill(spike, 0, 200_000, 0.5); // most values equal: the search must still end
        check(spike, 2, rounds);
        check(new double[] {1e9 + 0.25, 1e9 + 0.5, 1e9}, 2, rounds);
        check(new double[] {-Double.MAX_VALUE, 0, Double.MAX_VALUE}, 2, rounds);
    }

    @Test
    void withASlackEachQuantileLiesBetweenOrderStatisticsThatManyRanksAway() {
        Random r = new Random(3);
        double[] clustered = r.doubles(1_000_000).toArray();
        for (int i = 0; i < 5_000; i++) { // the median in a tight cluster that fills 95 % of its first bin
            clustered[i] = 0.5001 + 1e-9 * r.nextDouble();
        }
        double[][] sets = {r.doubles(1_000_000).map(x -> -Math.log(x)).toArray(),
            r.ints(400_000, 0, 50).asDoubleStream().toArray(), r.doubles(500_000, 1e9, 1e9 + 1).toArray(), clustered};
        for (double[] all : sets) {
            double[] sorted = all.clone();
            Arrays.sort(sorted);
            long slack = all.length / 1000;
            List<Double> ps = List.of(0.001, 0.25, 0.5, 0.9, 0.99, 0.999);
            int[] rounds = {0};
            double[] got = QuantileSearch.quantiles(ps, all.length, slack,
                    whole(all.length, sorted[0], sorted[all.length - 1]), cluster(List.of(all), rounds));
            for (int i = 0; i < ps.size(); i++) {
                int k = (int) Math.floor((all.length - 1) * ps.get(i));
                double low = sorted[(int) Math.max(0, k - slack)];
                double high = sorted[(int) Math.min(all.length - 1, k + 1 + slack)];
                assertEquals(true, got[i] >= low && got[i] <= high, "p=" + ps.get(i) + ": " + got[i]
                        + " not in [" + low + ", " + high + "]");
            }
            if (all == sets[2]) {
                assertEquals(1, rounds[0], "evenly spread: each first bin holds 1/4096 < 0.1 %, no second round");
            }
        }
    }

    @Test
    void largeDataNeedsOnlyAFewRounds() {
        int[] rounds = {0};
        check(new Random(5).doubles(2_000_000).toArray(), 2, rounds);
        assertEquals(true, rounds[0] <= 3, "rounds: " + rounds[0]);
    }
}
