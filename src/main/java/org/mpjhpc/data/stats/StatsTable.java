package org.mpjhpc.data.stats;

import java.util.Locale;
import org.mpjhpc.log.Quote;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.Timing;
import org.mpjhpc.output.Verdict;

/** The statistics job's console output: results, malformed rows, verification, timing. */
final class StatsTable {
    private StatsTable() {
    }

    static String format(StatsConfig c, StatsResult r, Timing timing, Verdict verdict) {
        StringBuilder t = new StringBuilder();
        line(t, "%n== statistics of %s (%s, %s read) on %d worker(s)%s ==", c.stdin() ? "standard input" : c.input(),
                c.binary() ? "binary" : "csv", c.stream() ? "streamed" : "parallel", r.workers,
                Json.oversubscribed(r.workers + 1));
        line(t, "rows read %d, malformed %d, filtered out %d, non-finite %d (%s), kept %d", r.rowsRead, r.malformed,
                r.filtered, r.nonfinite, c.filter().dropNan() ? "dropped" : "kept", r.total.count());
        r.badLines.forEach(b -> line(t, "  malformed line %d: %s", b.line(), b.reason()));
        line(t, "%-16s %10s %14s %14s %14s %14s %14s", "group", "count", "mean", "stddev", "min", "max", "sum");
        row(t, "(all)", r.total);
        for (int g = 0; g < r.categories.size(); g++) {
            if (r.byCategory[g].count() > 0) { // a category the filter removed has no statistics
                row(t, Quote.clip(r.categories.get(g)), r.byCategory[g]); // the report keeps the whole name
            }
        }
        if (r.quantiles != null) {
            StringBuilder q = new StringBuilder();
            for (int i = 0; i < r.quantiles.length; i++) {
                q.append(String.format(Locale.ROOT, "  %s %.6g", StatsReport.name(c.quantiles().get(i)),
                        r.quantiles[i]));
            }
            line(t, "quantiles (%s):%s", StatsReport.accuracy(c, r.total.count()), q);
            line(t, "outliers beyond %.3g standard deviations: %d", c.outlierZ(), r.outliers);
            histogram(t, r);
        }
        t.append(timing.table());
        line(t, "read %.1f MB/s, %.3g rows/s", r.bytes / r.seconds(StatsPhase.READ) / 1e6,
                r.rowsRead / r.seconds(StatsPhase.READ));
        line(t, "%s", verdict.line());
        return t.toString();
    }

    private static void row(StringBuilder t, String name, Moments m) {
        line(t, "%-16s %10d %14.6g %14.6g %14.6g %14.6g %14.6g", name, m.count(), m.average(), m.stddev(),
                m.count() == 0 ? Double.NaN : m.min(), m.count() == 0 ? Double.NaN : m.max(), m.sum());
    }

    private static void histogram(StringBuilder t, StatsResult r) {
        long peak = java.util.Arrays.stream(r.histogram).max().orElse(1);
        for (int i = 0; i < r.histogram.length && r.histogram.length <= 40; i++) {
            int bar = (int) Math.round(40.0 * r.histogram[i] / Math.max(1, peak));
            line(t, "  [%12.5g, %12.5g%s %10d %s", r.bins.edge(i), r.bins.edge(i + 1), i == r.histogram.length - 1
                    ? "]" : ")", r.histogram[i], "#".repeat(bar));
        }
    }

    private static void line(StringBuilder t, String format, Object... args) {
        t.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
