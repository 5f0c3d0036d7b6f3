package org.mpjhpc.farm;

import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;
import org.mpjhpc.output.JsonText;
import java.nio.file.Path;
import java.util.List;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.AtomicWrite;
import org.mpjhpc.output.Timing;

/**
 * The JSON report of a farm run. Other tools read it: the field names are part of the
 * product ({@code status}, {@code workers[].rank|capacity|assigned|completed|busy_ms},
 * {@code tasks[].id|type|worker|status|result|start_ms|end_ms}).
 */
final class FarmReport {
    private FarmReport() {
    }

    /** Writes {@code report.json} into the job's folder, and to {@code extra} if given. */
    static void write(JobConfig job, FarmRun run, FarmJob.WorkerCounts counts, Verification verification,
            int ranks, int code, String extra) {
        JsonObject root = build(job, run, counts, verification, ranks, code);
        for (Path file : extra == null ? List.of(Path.of(job.outDir(), "report.json"))
                : List.of(Path.of(job.outDir(), "report.json"), Path.of(extra))) {
            AtomicWrite.stream(file, out -> stream(root, run.book(), out));
            Log.info("report written to " + file);
        }
    }

    /**
     * Writes the report with its {@code tasks} array streamed from the book, one task at a
     * time: a tree of a million tasks would take gigabytes (measured: 1M noop tasks ran out
     * of a 1 GB heap while building it).
     */
    private static void stream(JsonObject root, TaskBook book, java.io.OutputStream out) throws java.io.IOException {
        try (JsonText g = JsonText.indented(out)) {
            g.startObject();
            for (var field : root.fields().entrySet()) {
                g.name(field.getKey());
                if (field.getKey().equals("tasks")) {
                    g.startArray();
                    book.forEach(e -> {
                        try {
                            task(g, e);
                        } catch (java.io.IOException x) {
                            throw new java.io.UncheckedIOException(x);
                        }
                    });
                    g.endArray();
                } else {
                    g.value(field.getValue());
                }
            }
            g.endObject();
            g.newline();
        }
    }

    private static void workers(JsonArray workers, FarmRun run, FarmJob.WorkerCounts counts) {
        Scheduler s = run.scheduler();
        for (int w = 0; w < s.workers(); w++) {
            JsonObject n = workers.addObject();
            n.put("id", w);
            n.put("rank", w + 1);
            n.put("capacity", s.capacity(w));
            n.put("assigned", s.assigned(w));
            n.put("completed", counts.completed()[w]);
            n.put("failed", counts.failed()[w]);
            n.put("busy_ms", counts.busyNanos()[w] / 1_000_000L);
            n.put("stolen", s.stolen(w));
            n.put("failures", s.failures(w));
            n.put("restarts", s.restarts(w));
            n.put("state", s.state(w).name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void task(JsonText g, TaskBook.Entry e) throws java.io.IOException {
        g.startObject();
        g.field("id", e.id);
        g.field("type", e.type());
        g.field("worker", e.worker);
        g.field("status", e.status.name().toLowerCase(java.util.Locale.ROOT));
        if (wholeNumber(e.result)) {
            g.field("result", Long.parseLong(e.result)); // whole numbers are numbers in JSON
        } else {
            g.field("result", e.result);
        }
        g.field("error", e.error);
        g.field("attempts", e.attempts);
        g.field("start_ms", e.startMs);
        g.field("end_ms", e.endMs);
        g.endObject();
    }

    /** "-?[0-9]{1,18}": fits a long. Not a regex: this runs once per task of millions. */
    static boolean wholeNumber(String s) {
        if (s == null) {
            return false;
        }
        int from = s.startsWith("-") ? 1 : 0;
        int digits = s.length() - from;
        if (digits < 1 || digits > 18) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    static JsonObject build(JobConfig job, FarmRun run, FarmJob.WorkerCounts counts,
            Verification verification, int ranks, int code) {
        JsonObject root = new JsonObject();
        root.put("job", job.name());
        root.put("kind", "farm");
        root.put("status", switch (run.end()) {
            case INTERRUPTED -> "interrupted";
            case HUNG -> "hung";
            case LOST -> "rank_lost";
            case STORAGE -> "storage_failed";
            default -> code == 0 ? "ok" : "failed";
        });
        if (run.hangDump() != null) {
            root.put("hang_dump", run.hangDump());
        }
        root.put("exit_code", code);
        root.put("ranks", ranks);
        workers(root.putArray("workers"), run, counts);
        root.putArray("tasks"); // streamed in its place by write()
        JsonArray events = root.putArray("events");
        for (EventLog.Event e : run.events().events()) {
            JsonObject n = events.addObject();
            n.put("t_ms", e.tMs());
            n.put("kind", e.kind());
            n.put("worker", e.worker());
            n.put("detail", e.detail());
        }
        JsonObject resources = root.putObject("resources");
        run.resources().snapshot().forEach((name, e) -> {
            JsonObject n = resources.putObject(name);
            n.put("type", e.type().name().toLowerCase(java.util.Locale.ROOT));
            n.put("version", e.version());
            n.putValue("value", e.value());
        });
        JsonObject locks = root.putObject("locks_held");
        run.resources().holders().forEach(locks::putValue);
        root.putValue("counters", counters(run));
        root.putValue("journal", journal(run));
        root.putValue("timing", timing(run, counts));
        JsonObject v = root.putObject("verification");
        v.put("passed", verification.passed());
        verification.checks().forEach(v.putArray("checks")::add);
        return root;
    }

    private static JsonObject counters(FarmRun run) {
        JsonObject c = new JsonObject();
        TaskBook book = run.book();
        c.put("tasks", book.size());
        c.put("done", book.finished() - book.failed());
        c.put("failed", book.failed());
        c.put("duplicates_dropped", book.duplicates());
        long failures = 0;
        long stolen = 0;
        for (int w = 0; w < run.scheduler().workers(); w++) {
            failures += run.scheduler().failures(w);
            stolen += run.scheduler().stolen(w);
        }
        c.put("worker_failures", failures);
        c.put("stolen", stolen);
        c.put("grants_with_value", run.resources().grantsWithValue());
        c.put("grants_version_only", run.resources().grantsVersionOnly());
        return c;
    }

    private static JsonObject journal(FarmRun run) {
        JsonObject j = new JsonObject();
        Durability d = run.config().durability();
        j.put("sync", d.sync().name().toLowerCase(java.util.Locale.ROOT));
        j.put("flush_ms", d.flushMs());
        j.put("resumed", d.resume());
        j.put("from_journal", run.book().restored());
        j.put("run_now", run.book().finished() - run.book().restored());
        j.put("records_this_run", run.journal().records());
        return j;
    }

    private static JsonObject timing(FarmRun run, FarmJob.WorkerCounts counts) {
        MasterTimes t = run.times();
        JsonObject n = timing(run).writeTo(new JsonObject());
        double loopS = t.loopNanos() / 1e9;
        n.put("loop_ms", t.loopNanos() / 1e6);
        n.put("tasks_per_s", loopS <= 0 ? 0 : run.book().finished() / loopS);
        n.put("master_cpu_share", share(t.cpu, t.end - t.start));
        n.put("max_worker_busy_ms", counts.maxBusyNanos() / 1e6);
        return n;
    }

    /** The master's event loop: sending, receiving, waiting, and the rest (bookkeeping), per task. */
    static Timing timing(FarmRun run) {
        MasterTimes t = run.times();
        double loop = t.loopNanos() / 1e9;
        double dispatch = t.dispatch / 1e9;
        double receive = t.receive / 1e9;
        double idle = t.idle / 1e9;
        return new Timing("task", run.book().finished()).scope("rank 0, the master's event loop")
                .phase("dispatch", dispatch).phase("receive", receive).phase("idle", idle)
                .phase("bookkeeping", Math.max(0, loop - dispatch - receive - idle)).span("loop", loop)
                .first("first result after", t.firstResultNanos() < 0 ? Double.NaN : t.firstResultNanos() / 1e9)
                .wall((t.end - t.start) / 1e9);
    }

    static double share(long part, long whole) {
        return whole <= 0 ? 0 : (double) part / whole;
    }
}
