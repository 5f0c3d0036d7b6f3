package org.mpjhpc.farm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.Message;
import org.mpjhpc.comm.Tag;
import org.mpjhpc.log.Log;

/**
 * Rank 0 of a task farm: one event loop that releases due requests, dispatches what
 * fits with nonblocking sends, serves every waiting worker message, and watches the
 * heartbeats. It never blocks on one worker, and when nothing happens it backs off
 * (capped at 1 ms) instead of spinning a core.
 */
final class Master {
    private final Comm comm;
    private final FarmConfig config;
    private final long epochMs;
    private final Scheduler scheduler;
    private final TaskBook book = new TaskBook();
    private final Heartbeat[] beats;
    private final List<Comm.Pending> sends = new ArrayList<>();
    private final MasterTimes times = new MasterTimes();
    private Liveness liveness;
    private long lostWorkers;

    Master(Comm comm, FarmConfig config, long epochMs) {
        this.comm = comm;
        this.config = config;
        this.epochMs = epochMs;
        this.scheduler = new Scheduler(config.capacities());
        this.beats = new Heartbeat[config.workers()];
    }

    /** Runs the job to the end and says goodbye to every worker. */
    FarmRun run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        liveness = new Liveness(config.workers(), config.heartbeatMs(), config.heartbeatTimeoutMs(), start);
        Timeline timeline = new Timeline(config.requests());
        Backoff backoff = new Backoff(20_000, 1_000_000);
        Log.info("master: " + config.workers() + " worker(s), capacities " + config.capacities()
                + ", " + config.totalTasks() + " task(s) to run");
        boolean abandoned = false;
        while (!(timeline.done() && scheduler.drained())) {
            long t0 = System.nanoTime();
            release(timeline, t0);
            dispatch();
            long t1 = System.nanoTime();
            boolean active = serveWaiting() > 0;
            long t2 = System.nanoTime();
            watch(t2);
            sends.removeIf(Comm.Pending::done);
            times.add(t1 - t0, t2 - t1);
            if (!scheduler.anyAlive()) {
                Log.error("every worker is lost; " + scheduler.queued() + " task(s) cannot run");
                abandoned = true;
                break;
            }
            if (active) {
                backoff.reset();
            } else {
                long w0 = System.nanoTime();
                backoff.idle();
                times.idle(System.nanoTime() - w0);
            }
        }
        long loopEnd = System.nanoTime();
        stopWorkers();
        times.finish(start, loopEnd, System.nanoTime(), threads.getCurrentThreadCpuTime() - cpuStart);
        return new FarmRun(config, book, scheduler, beats, times, abandoned, lostWorkers);
    }

    private void release(Timeline timeline, long nowNanos) {
        for (Timeline.Submission s : timeline.due(System.currentTimeMillis() - epochMs)) {
            book.add(s.task());
            if (s.worker() == Request.ANY_WORKER) {
                scheduler.submit(s.task());
            } else {
                scheduler.submitTo(s.worker(), s.task());
            }
        }
    }

    private void dispatch() {
        for (Map.Entry<Integer, List<TaskSpec>> batch : scheduler.assign().entrySet()) {
            int worker = batch.getKey();
            for (TaskSpec t : batch.getValue()) {
                book.dispatched(t, worker);
            }
            sends.add(comm.isend(worker + 1, Tag.TASKS, Protocol.tasks(batch.getValue())));
            Log.debug("sent " + batch.getValue().size() + " task(s) to worker " + worker
                    + ", it holds " + scheduler.held(worker) + "/" + scheduler.capacity(worker));
        }
    }

    /** Serves every message that is already waiting; returns how many there were. */
    private int serveWaiting() {
        int served = 0;
        for (Message m; (m = comm.poll(Comm.ANY)) != null; ) {
            serve(m);
            served++;
        }
        return served;
    }

    /** Serves one worker message; returns true for BYE. */
    private boolean serve(Message m) {
        int worker = m.source() - 1;
        long now = System.nanoTime();
        if (liveness.heard(worker, now)) {
            Log.info("worker " + worker + " is responding again");
        }
        switch (m.tag()) {
            case RESULTS -> {
                for (Outcome o : Protocol.readResults(m.data())) {
                    times.firstResult(now);
                    if (scheduler.complete(worker, o.taskId()) && book.record(o)) {
                        logOutcome(o);
                    } else {
                        Log.warn("dropped a duplicate result of task " + o.taskId() + " attempt " + o.attempt());
                    }
                }
                return false;
            }
            case HEARTBEAT -> {
                beats[worker] = Protocol.readHeartbeat(m.data());
                Log.debug("heartbeat from worker " + worker + ": " + beats[worker]);
                return false;
            }
            case BYE -> {
                return true;
            }
            default -> throw new IllegalStateException("master got unexpected " + m.tag() + " from rank " + m.source());
        }
    }

    private void logOutcome(Outcome o) {
        if (o.ok()) {
            Log.debug("task " + o.taskId() + " done on worker " + o.worker() + ": " + o.result());
        } else {
            Log.warn("task " + o.taskId() + " failed on worker " + o.worker() + ": " + o.error());
        }
    }

    private void watch(long nowNanos) {
        List<Integer> suspect = new ArrayList<>();
        for (int worker : liveness.check(nowNanos, suspect)) {
            lostWorkers++;
            List<TaskSpec> back = scheduler.fail(worker);
            back.forEach(book::requeued);
            Log.error("worker " + worker + " silent for " + liveness.silentMs(worker, nowNanos)
                    + " ms: declared dead, " + back.size() + " task(s) back to the head of the queue");
        }
        for (int worker : suspect) {
            Log.warn("worker " + worker + " silent for " + liveness.silentMs(worker, nowNanos) + " ms: suspect");
        }
    }

    /**
     * The explicit stop: once the work has drained, every worker gets STOP and answers
     * BYE after its last results. Messages still arriving are served on the way.
     */
    private void stopWorkers() {
        for (int w = 0; w < config.workers(); w++) {
            sends.add(comm.isend(w + 1, Tag.STOP, Protocol.EMPTY));
        }
        int waiting = config.workers();
        Backoff backoff = new Backoff(20_000, 1_000_000);
        while (waiting > 0) {
            Message m = comm.poll(Comm.ANY);
            if (m == null) {
                backoff.idle();
            } else if (serve(m)) {
                waiting--;
            }
        }
        sends.forEach(Comm.Pending::await);
        sends.clear();
    }
}
