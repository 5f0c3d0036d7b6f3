package org.mpjhpc.data.stats;

import java.util.List;

/** What the statistics job found, gathered at the master for the report. */
final class StatsResult {
    long rowsRead;
    long malformed;
    long filtered;
    long nonfinite;
    long bytes;
    /** Streamed: the bytes the master sent (the workers' {@link #bytes} must add up to them). */
    long sentBytes = -1;
    Moments total = Moments.EMPTY;
    List<String> categories = List.of();
    Moments[] byCategory = new Moments[0];
    List<Pieces.BadLine> badLines = List.of();
    long outliers;
    Bins bins;
    long[] histogram;
    double[] quantiles;
    /** Phase seconds, maximum over ranks, by {@link StatsPhase} ordinal. */
    double[] phases;
    double wallSeconds;
    int workers;

    /** A phase's seconds, the maximum over ranks. */
    double seconds(StatsPhase p) {
        return phases[p.ordinal()];
    }
}
