package org.mpjhpc.data.stats;

import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.data.format.Columnar;
import org.mpjhpc.data.format.CsvHeader;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.Timing;
import org.mpjhpc.output.Verdict;

/**
 * The statistics report: report.json and histogram.png in the output folder (and the JSON
 * at {@code --report}), a readable table on the console, the verification line and the
 * timing table.
 */
final class StatsReport {
    private StatsReport() {
    }

    /** Writes everything; returns the exit code (1 when a verification check fails). */
    static int write(JobConfig job, StatsConfig c, StatsResult r, String report) {
        long io = System.nanoTime();
        Verdict verdict = verify(c, r);
        JsonObject json = json(c, r);
        Path out = Path.of(job.outDir());
        if (r.histogram != null) {
            HistogramImage.write(r.bins, r.histogram, c.columns().get(0), out.resolve("histogram.png"));
        }
        double ioSeconds = (System.nanoTime() - io) / 1e9;
        Timing timing = timing(r, ioSeconds);
        timing.writeTo(json.putObject("timing"));
        json.put("bytes_per_s", r.bytes / r.seconds(StatsPhase.READ));
        verdict.writeTo(json);
        Json.write(json, out.resolve("report.json"), report);
        Log.info("report written to " + out.resolve("report.json"));
        System.out.print(StatsTable.format(c, r, timing, verdict));
        System.out.flush();
        return verdict.exitCode();
    }

    /** Seconds per phase (maximum over ranks) and per megabyte read. */
    static Timing timing(StatsResult r, double ioSeconds) {
        Timing t = new Timing("MB", r.bytes / 1e6);
        for (StatsPhase p : StatsPhase.values()) {
            t.phase(p.key(), r.seconds(p));
        }
        return t.phase("io", ioSeconds).wall(r.wallSeconds + ioSeconds);
    }

    private static JsonObject json(StatsConfig c, StatsResult r) {
        JsonObject j = new JsonObject();
        j.put("input", c.input());
        j.put("format", c.binary() ? "binary" : "csv");
        j.put("partition", c.stream() ? "stream" : "parallel");
        j.put("workers", r.workers);
        j.put("rows_read", r.rowsRead);
        j.put("rows_malformed", r.malformed);
        j.put("rows_filtered", r.filtered);
        j.put("rows_nonfinite", r.nonfinite);
        j.put("rows_kept", r.total.count());
        JsonArray bad = j.putArray("malformed_lines");
        r.badLines.forEach(b -> bad.addObject().put("line", b.line()).put("reason", b.reason()));
        moments(j, r.total);
        j.put("outlier_z", c.outlierZ());
        j.put("outliers", r.outliers);
        JsonObject h = j.putObject("histogram");
        if (r.histogram != null) {
            JsonArray edges = h.putArray("edges");
            for (int i = 0; i <= r.bins.n(); i++) {
                edges.add(r.bins.edge(i));
            }
            JsonArray counts = h.putArray("counts");
            for (long n : r.histogram) {
                counts.add(n);
            }
        }
        JsonObject q = j.putObject("quantiles");
        for (int i = 0; i < c.quantiles().size(); i++) {
            q.put(name(c.quantiles().get(i)), r.quantiles == null ? null : number(r.quantiles[i]));
        }
        j.put("quantile_error", c.quantileError());
        j.put("quantile_method", accuracy(c, r.total.count()) + "; linear between order statistics (numpy's default)");
        JsonObject groups = j.putObject("by_category");
        for (int g = 0; g < r.categories.size(); g++) {
            if (r.byCategory[g].count() > 0) {
                moments(groups.putObject(r.categories.get(g)), r.byCategory[g]);
            }
        }
        j.put("bytes", r.bytes);
        return j;
    }

    static void moments(JsonObject o, Moments m) {
        o.put("count", m.count());
        o.put("sum", m.count() == 0 ? Double.valueOf(0.0) : number(m.sum()));
        o.put("mean", number(m.count() == 0 ? Double.NaN : m.average()));
        o.put("variance", number(m.variance()));
        o.put("stddev", number(m.stddev()));
        o.put("min", number(m.count() == 0 ? Double.NaN : m.min()));
        o.put("max", number(m.count() == 0 ? Double.NaN : m.max()));
    }

    /**
     * JSON has no NaN or infinity: null stands for a statistic that is undefined (a NaN or
     * infinity kept with drop_nan: false, no values) or beyond the double range.
     */
    private static Double number(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /** p50, p90, p99, p99.9, ... */
    static String name(double p) {
        String s = String.format(Locale.ROOT, "%.6f", p * 100).replaceAll("0+$", "").replaceAll("\\.$", "");
        return "p" + s;
    }

    /** How exact the quantiles are, for the report and the table. */
    static String accuracy(StatsConfig c, long count) {
        long slack = c.rankSlack(count);
        return slack == 0 ? "exact" : "rank error at most " + slack + " of " + count;
    }

    /** Checks against what must hold whatever the data: nothing lost, nothing counted twice. */
    private static Verdict verify(StatsConfig c, StatsResult r) {
        Verdict v = new Verdict();
        long kept = r.total.count();
        long dropped = c.filter().dropNan() ? r.nonfinite : 0;
        v.check(r.rowsRead == kept + r.filtered + r.malformed + dropped, String.format(Locale.ROOT,
                "rows read %d = kept %d + filtered %d + malformed %d + non-finite dropped %d", r.rowsRead, kept,
                r.filtered, r.malformed, dropped));
        long grouped = 0;
        for (Moments m : r.byCategory) {
            grouped += m.count();
        }
        v.check(grouped == kept, "categories hold " + grouped + " of " + kept + " kept rows");
        if (r.histogram != null) {
            long binned = java.util.Arrays.stream(r.histogram).sum();
            v.check(binned == kept, "histogram holds " + binned + " of " + kept + " kept rows");
            v.check(ordered(r), "quantiles within [min, max]");
        }
        if (r.sentBytes >= 0) {
            v.check(r.bytes == r.sentBytes, "bytes scanned " + r.bytes + " of " + r.sentBytes + " streamed");
        }
        if (!c.stdin()) {
            checkBytes(c, r, v);
        }
        return v;
    }

    private static void checkBytes(StatsConfig c, StatsResult r, Verdict v) {
        try {
            Path file = Path.of(c.input());
            long expected = c.binary() ? Columnar.checkFile(file).rows() * 10
                    : Files.size(file) - (c.stream() ? CsvHeader.headerBytes(file) : 0);
            v.check(r.bytes == expected, "bytes read " + r.bytes + " of " + expected
                    + (c.binary() ? " (category and value columns)" : ""));
        } catch (java.io.IOException e) {
            v.check(false, "cannot size " + c.input() + ": " + e.getMessage());
        }
    }

    private static boolean ordered(StatsResult r) {
        for (double q : r.quantiles) {
            if (!(q >= r.total.min() && q <= r.total.max())) {
                return false;
            }
        }
        return true;
    }
}
