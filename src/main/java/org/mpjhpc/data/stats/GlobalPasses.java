package org.mpjhpc.data.stats;

import java.util.List;
import org.mpjhpc.data.DataComm;

/**
 * The passes of the statistics job that need the global statistics, on every rank. The
 * first pass left each worker a {@link KeyBuckets} histogram of its kept values; the
 * master sums them and plans ({@link BucketPlan}) a second pass that looks only inside the
 * buckets straddling a histogram edge or an outlier limit and gathers those holding the
 * wanted quantile ranks. The exact quantile search then runs over the gathered values, in
 * memory.
 */
final class GlobalPasses {
    private final DataComm comm;
    private final StatsConfig config;
    private final LocalData data;
    private final KeptValues values;
    /** Master: the plan of the second pass, and where each quantile's search starts. */
    private BucketPlan plan;
    /** Made by the second pass, which gathers the values the search needs. */
    private QuantileRounds rounds;

    /** @param data this worker's data, or null on the master */
    GlobalPasses(DataComm comm, StatsConfig config, LocalData data) {
        this.comm = comm;
        this.config = config;
        this.data = data;
        this.values = data == null ? KeptValues.of(new double[0], 0) : data.kept();
    }

    /** Histogram and outliers, at the master into {@code result}; starts the quantile search. */
    void secondPass(StatsResult result, double stddev) {
        Moments t = result.total;
        Bins bins = new Bins(t.min(), t.max(), config.bins());
        List<byte[]> buckets = comm.gather(data == null ? new byte[0] : data.keys.encode(t.min(), t.max()));
        if (comm.master()) {
            long[] ranks = QuantileSearch.ranks(config.quantiles(), t.count());
            plan = new BucketPlan(KeyBuckets.sum(buckets), summary(bins, t, stddev), ranks,
                    config.rankSlack(t.count()), BucketPlan.CAP);
        }
        byte[] flags = comm.bcast(comm.master() ? plan.encode() : null);
        SecondPass.EdgeScan scan = new SecondPass.EdgeScan(BucketPlan.decode(flags), summary(bins, t, stddev));
        values.scan(scan);
        long[] exact = comm.sum(scan.exact.toArray());
        rounds = BucketPlan.gathers(flags) ? QuantileRounds.holding(comm, q -> scan.heldNear(q.lo()))
                : QuantileRounds.scanning(comm, values);
        if (comm.master()) {
            result.bins = bins;
            result.histogram = plan.whole.counts.clone();
            for (int b = 0; b < bins.n(); b++) {
                result.histogram[b] += exact[b];
            }
            result.outliers = plan.whole.outliers + exact[bins.n()];
        }
    }

    private SecondPass.Summary summary(Bins bins, Moments t, double stddev) {
        return new SecondPass.Summary(bins, t.average(), stddev, config.outlierZ());
    }

    /** The exact quantiles, found by the master's search that the workers serve; after {@link #secondPass}. */
    void quantiles(StatsResult result) {
        if (comm.master()) {
            Moments t = result.total;
            result.quantiles = QuantileSearch.quantiles(config.quantiles(), t.count(), config.rankSlack(t.count()),
                    plan.starts::get, rounds);
            rounds.finish();
        } else {
            rounds.serve();
        }
    }
}
