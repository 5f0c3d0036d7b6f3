package org.mpjhpc.data;

import java.util.Arrays;
import java.util.List;

/**
 * The passes of the statistics job that need the global statistics, on every rank: the
 * second pass (histogram over the global [min, max], outliers) and the exact quantile
 * search. The second pass also computes the quantile search's first histogram, over the
 * same [min, max], so the search starts one scan of the data later.
 */
final class GlobalPasses {
    private final DataComm comm;
    private final StatsConfig config;
    private final KeptValues values;
    /** Made by the second pass, which knows the global [min, max] and answers the search's first round. */
    private QuantileRounds rounds;

    /** @param data this worker's data, or null on the master */
    GlobalPasses(DataComm comm, StatsConfig config, LocalData data) {
        this.comm = comm;
        this.config = config;
        this.values = data == null ? KeptValues.of(new double[0], 0) : data.kept();
    }

    /** Histogram and outliers, summed at the master into {@code result}. */
    void secondPass(StatsResult result, double stddev) {
        Moments t = result.total;
        Bins bins = new Bins(t.min(), t.max(), config.bins());
        SecondPass.Summary summary = new SecondPass.Summary(bins, t.average(), stddev, config.outlierZ());
        QuantileSearch.Query first = QuantileSearch.first(t.count(), t.min(), t.max());
        rounds = new QuantileRounds(comm, values, new Bins(t.min(), t.max(), QuantileSearch.BINS));
        boolean searchFirst = !config.quantiles().isEmpty() && !first.gather(); // the same on every rank
        SecondPass.Histograms firstRound = new SecondPass.Histograms(searchFirst ? List.of(first) : List.of());
        values.scan((v, from, to) -> {
            summary.block(v, from, to);
            firstRound.block(v, from, to);
        });
        long[] counts = Arrays.copyOf(summary.counts, bins.n() + 1);
        counts[bins.n()] = summary.outliers;
        long[] sums = comm.sum(counts);
        if (searchFirst) {
            QuantileSearch.Answer a = firstRound.answers[0];
            rounds.firstRound(first, new QuantileSearch.Answer(comm.sum(a.counts()), comm.min(a.mins()),
                    comm.max(a.maxs()), null));
        }
        result.bins = bins;
        result.histogram = Arrays.copyOf(sums, bins.n());
        result.outliers = sums[bins.n()];
    }

    /** The exact quantiles, found by the master's search that the workers serve; after {@link #secondPass}, which starts it. */
    void quantiles(StatsResult result) {
        if (comm.master()) {
            Moments t = result.total;
            result.quantiles = QuantileSearch.quantiles(config.quantiles(), t.count(), t.min(), t.max(),
                    config.rankSlack(t.count()), rounds);
            rounds.finish();
        } else {
            rounds.serve();
        }
    }
}
