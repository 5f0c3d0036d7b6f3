package org.mpjhpc.data.mapreduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.log.Log;
import org.mpjhpc.log.Quote;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;
import org.mpjhpc.output.Timing;
import org.mpjhpc.output.Verdict;

/**
 * The MapReduce job's results at the master: report.json (and {@code --report}) with every
 * map task and partition, the top keys on the console, the verification line that checks
 * nothing went unread or uncounted, and the timing table.
 */
final class MapReduceReport {
    private MapReduceReport() {
    }

    /**
     * What the workers counted: the pairs they sent in the shuffle (fewer than the tasks made
     * when they merged counting tasks' tables, which {@code merging} says) and, for a counting
     * job, the sums of the counts the accepted tasks made, the workers sent and the reducers read.
     */
    record Sums(long sent, boolean merging, long countsMade, long countsSent, long countsRead) {
    }

    /** What the phases left: every map task, the task that stopped the job (or null), the sums, every partition reduced. */
    record Outcome(List<MapPhase.Task> tasks, MapPhase.Task fatal, Sums sums, List<PartitionResult> partitions) {
        long sum(java.util.function.ToLongFunction<Orders.Report> f) {
            return tasks.stream().filter(t -> t.done != null).mapToLong(t -> f.applyAsLong(t.done)).sum();
        }

        List<MapPhase.Task> skipped() {
            return tasks.stream().filter(t -> t.status == MapPhase.Status.FAILED).toList();
        }
    }

    static int write(JobConfig job, MapReduceConfig c, Outcome o, double[] seconds, double wall, String report) {
        long input = o.tasks().stream().mapToLong(t -> t.chunk.bytes()).sum();
        Verdict v = verify(c, o, input);
        boolean failedPartition = o.partitions().stream().anyMatch(p -> !p.ok());
        String status = o.fatal() != null || failedPartition && !c.skipFailed() ? "failed"
                : o.skipped().isEmpty() && !failedPartition ? "ok" : "partial";
        Timing timing = timing(seconds, wall, input);
        JsonObject j = MapReduceJson.of(c, o, status, input);
        timing.writeTo(j.putObject("timing"));
        v.writeTo(j);
        Json.write(j, Path.of(job.outDir()).resolve("report.json"), report);
        System.out.print(table(c, o, status, input, timing));
        System.out.println(v.line());
        System.out.flush();
        if (o.fatal() != null) {
            Log.error("job failed: map task " + o.fatal().chunk.id() + " failed " + o.fatal().attempts
                    + " time(s) (max_attempts); last: " + o.fatal().errors.get(o.fatal().errors.size() - 1));
            return 1;
        }
        if (status.equals("partial")) {
            Log.warn("on_task_failure: skip: the output leaves out " + o.skipped().size() + " chunk(s) and "
                    + o.partitions().stream().filter(p -> !p.ok()).count() + " partition(s); see report.json");
        }
        return status.equals("failed") ? 1 : v.exitCode();
    }

    /** Checks that every chunk was read once or reported skipped, and every pair reached a reducer. */
    static Verdict verify(MapReduceConfig c, Outcome o, long input) {
        Verdict v = new Verdict();
        long done = o.tasks().stream().filter(t -> t.status == MapPhase.Status.DONE).count();
        long failed = o.skipped().size();
        long notRun = o.tasks().size() - done - failed;
        long mapped = o.sum(Orders.Report::bytes);
        long skippedBytes = c.skipFailed() ? o.skipped().stream().mapToLong(t -> t.chunk.bytes()).sum() : 0;
        v.check(notRun == 0 && (failed == 0 || c.skipFailed()), "map tasks: " + done + " done + " + failed
                + (c.skipFailed() ? " skipped" : " failed") + (notRun > 0 ? " + " + notRun + " not run" : "") + " of "
                + o.tasks().size() + " chunk(s)");
        v.check(mapped + skippedBytes == input, "bytes mapped " + mapped + " + skipped " + skippedBytes + " = input "
                + input);
        if (o.fatal() != null) {
            return v;
        }
        long made = o.sum(Orders.Report::pairs);
        long received = o.partitions().stream().mapToLong(PartitionResult::received).sum();
        // Merging joins pairs of one key: fewer, never more, and none only when there were none.
        Sums s = o.sums();
        boolean sentAll = s.merging() ? s.sent() <= made && (s.sent() > 0) == (made > 0) : s.sent() == made;
        v.check(sentAll && s.sent() == received, "pairs: " + made + " out of the maps, "
                + (s.merging() ? s.sent() + " after merging on their workers, " : "") + received + " into the reducers");
        if (s.merging() && o.partitions().stream().allMatch(PartitionResult::ok)) { // a failed partition read nothing
            v.check(s.countsMade() == s.countsSent() && s.countsSent() == s.countsRead(), "counts: " + s.countsMade()
                    + " made by the maps, " + s.countsSent() + " sent, " + s.countsRead() + " read by the reducers");
        }
        long read = o.partitions().stream().filter(PartitionResult::ok).mapToLong(PartitionResult::pairsRead).sum();
        long readable = o.partitions().stream().filter(PartitionResult::ok).mapToLong(PartitionResult::received).sum();
        v.check(read == readable, "reducers read " + read + " of the " + readable + " pairs they received");
        long written = o.partitions().stream().filter(PartitionResult::ok).count();
        v.check(o.partitions().size() == c.reducers(), "partitions: " + written + " written + "
                + (o.partitions().size() - written) + " failed of " + c.reducers());
        return v;
    }

    static Timing timing(double[] seconds, double wall, long bytes) {
        Timing t = new Timing("MB", bytes / 1e6);
        for (MapReduceJob.Phase p : MapReduceJob.Phase.values()) {
            t.phase(p.name().toLowerCase(Locale.ROOT), seconds[p.ordinal()]);
        }
        return t.wall(wall);
    }

    private static String table(MapReduceConfig c, Outcome o, String status, long input, Timing timing) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n== mapreduce %s of %d file(s), %.1f MB, on %d worker(s)%s ==%n",
                simple(c.mapper()), c.inputs().size(), input / 1e6, c.workers(), Json.oversubscribed(c.workers() + 1)));
        long retries = o.tasks().stream().mapToLong(x -> Math.max(0, x.attempts - 1)).sum();
        t.append(String.format(Locale.ROOT, "map: %d chunk(s), %d record(s), %d pair(s) emitted, %d after combining;"
                + " %d retried, %d " + (c.skipFailed() ? "skipped" : "failed") + "%n", o.tasks().size(), o.sum(Orders.Report::records),
                o.sum(Orders.Report::emitted), o.sum(Orders.Report::pairs), retries, o.skipped().size()));
        long keys = o.partitions().stream().mapToLong(PartitionResult::keys).sum();
        t.append(String.format(Locale.ROOT, "reduce: %d partition(s), %d key(s) written to %s/part-*.tsv; status %s%n",
                c.reducers(), keys, c.output(), status));
        for (MapPhase.Task s : o.skipped()) {
            t.append(c.skipFailed() ? "  skipped chunk " : "  failed chunk ").append(s.chunk.id()).append(" (").append(c.inputs().get(s.chunk.file()))
                    .append(" bytes ").append(s.chunk.from()).append('-').append(s.chunk.to()).append("): ")
                    .append(Quote.clip(s.errors.get(s.errors.size() - 1))).append('\n');
        }
        List<TopK.Entry> top = top(c, o);
        if (!top.isEmpty()) {
            t.append("top ").append(top.size()).append(":\n");
            top.forEach(e -> t.append(String.format(Locale.ROOT, "  %14s  %s%n", number(e.value()), Quote.clip(e.key()))));
        }
        t.append(timing.table());
        return t.toString();
    }

    static List<TopK.Entry> top(MapReduceConfig c, Outcome o) {
        List<List<TopK.Entry>> lists = new ArrayList<>();
        o.partitions().forEach(p -> lists.add(p.top()));
        return TopK.merge(lists, c.top());
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    static Comparator<PartitionResult> byPartition() {
        return Comparator.comparingInt(PartitionResult::partition);
    }
}
