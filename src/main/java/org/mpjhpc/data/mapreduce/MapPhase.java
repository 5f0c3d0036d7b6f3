package org.mpjhpc.data.mapreduce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.mpjhpc.data.DataBoard;
import org.mpjhpc.data.DataComm;
import org.mpjhpc.log.Log;

/**
 * The master's side of the map phase: hands the chunks out one at a time to whichever
 * worker asks (a slow worker asks less often, so it takes fewer), retries a failed chunk on
 * another worker up to {@code max_attempts}, and ends the phase telling each worker which
 * of its finished tasks count: each chunk exactly once.
 */
final class MapPhase {
    enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** A chunk's state and, once done, its counts. */
    static final class Task {
        final Chunk chunk;
        Status status = Status.QUEUED;
        int attempts;
        int worker = -1;
        int lastWorker = -1;
        final List<String> errors = new ArrayList<>();
        Orders.Report done;

        Task(Chunk chunk) {
            this.chunk = chunk;
        }
    }

    private final DataComm comm;
    private final MapReduceConfig config;
    private final List<Task> tasks = new ArrayList<>();
    private final Deque<Task> queue = new ArrayDeque<>();
    private final Deque<Integer> idle = new ArrayDeque<>();
    private final boolean[] busy;
    private long inputBytes;
    private long doneBytes;
    private long lastLog = System.nanoTime();
    private int resolved;
    private Task fatal;

    MapPhase(DataComm comm, MapReduceConfig config, List<Chunk> chunks) {
        this.comm = comm;
        this.config = config;
        this.busy = new boolean[comm.workers()];
        for (Chunk c : chunks) {
            Task t = new Task(c);
            tasks.add(t);
            queue.add(t);
            inputBytes += c.bytes();
        }
    }

    /** Runs the phase; returns the tasks with their outcome (a FAILED one stopped it unless skipped). */
    List<Task> run() {
        DataBoard.phase("map");
        for (int w = 0; w < comm.workers(); w++) { // every worker's READY comes first
            idle.add(comm.awaitReport().worker());
        }
        dispatch();
        while (resolved < tasks.size() && fatal == null) {
            take();
            dispatch();
        }
        while (anyBusy()) { // a failed job still waits for every running task's report
            take();
        }
        end();
        return tasks;
    }

    private void take() {
        DataComm.Received r = comm.awaitReport();
        settle(r.worker(), Orders.Report.decode(r.data()));
        busy[r.worker()] = false;
        idle.add(r.worker());
    }

    /** The task that failed for good and stopped the job, or null. */
    Task fatal() {
        return fatal;
    }

    private void settle(int worker, Orders.Report report) {
        if (report.kind() == Orders.ReportKind.READY) {
            return;
        }
        Task t = tasks.get(report.task());
        if (report.kind() == Orders.ReportKind.DONE) {
            t.status = Status.DONE;
            t.worker = worker;
            t.done = report;
            resolved++;
            doneBytes += t.chunk.bytes();
            progress();
            Log.debug("map task " + t.chunk.id() + " done on worker " + worker + " (attempt " + report.attempt() + ", "
                    + report.records() + " records)");
            return;
        }
        t.errors.add("attempt " + report.attempt() + " on worker " + worker + ": " + report.error());
        Log.warn("map task " + t.chunk.id() + " (" + config.inputs().get(t.chunk.file()) + " bytes " + t.chunk.from()
                + "-" + t.chunk.to() + ") failed on worker " + worker + ", attempt " + report.attempt() + ": "
                + report.error());
        if (t.attempts < config.maxAttempts()) {
            t.status = Status.QUEUED;
            queue.addFirst(t);
            org.mpjhpc.monitor.Board.get().event("retry", worker, "map task " + t.chunk.id() + ": " + report.error());
            return;
        }
        t.status = Status.FAILED;
        resolved++;
        if (!config.skipFailed()) {
            fatal = t;
        }
    }

    /** Gives queued tasks to idle workers, a retry to another worker than the one it failed on when it can. */
    private void dispatch() {
        while (fatal == null && !queue.isEmpty() && !idle.isEmpty()) {
            Integer worker = null;
            Task task = null;
            for (int w : idle) {
                task = firstFor(w);
                if (task != null) {
                    worker = w;
                    break;
                }
            }
            if (task == null) { // what is left failed last on every idle worker
                if (anyBusy()) {
                    return; // a busy worker may take it when it is done
                }
                worker = idle.peekFirst();
                task = queue.peekFirst();
            }
            queue.remove(task);
            idle.remove(worker);
            start(task, worker);
        }
    }

    private Task firstFor(int worker) {
        for (Task t : queue) {
            if (t.lastWorker != worker || comm.workers() == 1) {
                return t;
            }
        }
        return null;
    }

    private void start(Task t, int worker) {
        t.status = Status.RUNNING;
        t.attempts++;
        t.lastWorker = worker;
        busy[worker] = true;
        Log.debug("map task " + t.chunk.id() + " to worker " + worker + " (attempt " + t.attempts + ")");
        comm.order(worker, Orders.Order.map(t.chunk, t.attempts).encode());
    }

    private boolean anyBusy() {
        for (boolean b : busy) {
            if (b) {
                return true;
            }
        }
        return false;
    }

    private void end() {
        boolean proceed = fatal == null;
        for (int w = 0; w < comm.workers(); w++) {
            int worker = w;
            int[] accepted = tasks.stream().filter(t -> t.status == Status.DONE && t.worker == worker)
                    .mapToInt(t -> t.chunk.id()).toArray();
            comm.order(w, Orders.Order.end(proceed, accepted).encode());
        }
    }

    private void progress() {
        DataBoard.progress("map", doneBytes, inputBytes, "B", true, resolved == tasks.size());
        long now = System.nanoTime();
        if (now - lastLog > 500_000_000L || resolved == tasks.size()) {
            lastLog = now;
            Log.info(String.format(Locale.ROOT, "map: %d of %d chunk(s), %.1f of %.1f MB", resolved, tasks.size(),
                    doneBytes / 1e6, inputBytes / 1e6));
        }
    }
}
