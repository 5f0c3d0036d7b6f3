package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.Message;
import org.mpjhpc.comm.Tag;
import org.mpjhpc.log.Log;

/**
 * A worker rank. Its main thread is the only one that talks MPI: it takes task batches
 * from the master, hands them to an executor, sends results back in batches and sends
 * heartbeats on time whatever the tasks are doing. When idle it sleeps on the results
 * queue with a capped backoff, so a finished task wakes it at once and an idle worker
 * costs no CPU.
 */
final class Worker {
    private static final int MASTER = 0;

    private final Comm comm;
    private final FarmConfig config;
    private final int id;
    private final TaskRunner runner;
    private final LinkedBlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
    private final AtomicLong busyNanos = new AtomicLong();
    private long completed;
    private long failed;
    private int holding;

    Worker(Comm comm, FarmConfig config, long epochMs) {
        this.comm = comm;
        this.config = config;
        this.id = comm.rank() - 1;
        this.runner = new TaskRunner(id, epochMs);
    }

    /** Serves the master until it says STOP; returns this worker's counters. */
    Totals run() throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(config.workerThreads(), r -> {
            Thread t = new Thread(r, "worker-" + id + "-task");
            t.setDaemon(true);
            return t;
        });
        Backoff backoff = new Backoff(20_000, 1_000_000);
        long beatEvery = config.heartbeatMs() * 1_000_000L;
        long nextBeat = System.nanoTime();
        boolean stopping = false;
        List<Outcome> ready = new ArrayList<>();
        try {
            while (true) {
                boolean active = false;
                for (Message m; (m = comm.poll(MASTER)) != null; ) {
                    active = true;
                    stopping |= serve(m, executor);
                }
                finished.drainTo(ready);
                if (!ready.isEmpty()) {
                    sendResults(ready);
                    active = true;
                }
                long now = System.nanoTime();
                if (now >= nextBeat) {
                    comm.send(MASTER, Tag.HEARTBEAT, Protocol.heartbeat(heartbeat()));
                    nextBeat = now + beatEvery;
                }
                if (stopping && holding == 0) {
                    comm.send(MASTER, Tag.BYE, Protocol.EMPTY);
                    return new Totals(completed, failed, busyNanos.get());
                }
                if (active) {
                    backoff.reset();
                } else {
                    Outcome first = finished.poll(backoff.advance(), TimeUnit.NANOSECONDS);
                    if (first != null) {
                        ready.add(first);
                        backoff.reset();
                    }
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    /** Serves one master message; returns true for STOP. */
    private boolean serve(Message m, ExecutorService executor) {
        switch (m.tag()) {
            case TASKS -> {
                List<TaskSpec> tasks = Protocol.readTasks(m.data());
                holding += tasks.size();
                Log.debug("received " + tasks.size() + " task(s), holding " + holding);
                for (TaskSpec task : tasks) {
                    executor.execute(() -> finished.add(timed(task)));
                }
                return false;
            }
            case STOP -> {
                Log.debug("stop received with " + holding + " task(s) still held");
                return true;
            }
            default -> throw new IllegalStateException("worker got unexpected " + m.tag());
        }
    }

    private Outcome timed(TaskSpec task) {
        long start = System.nanoTime();
        Outcome outcome = runner.run(task);
        busyNanos.addAndGet(System.nanoTime() - start);
        return outcome;
    }

    private void sendResults(List<Outcome> ready) {
        for (Outcome o : ready) {
            completed++;
            if (!o.ok()) {
                failed++;
            }
        }
        holding -= ready.size();
        comm.send(MASTER, Tag.RESULTS, Protocol.results(ready));
        ready.clear();
    }

    private Heartbeat heartbeat() {
        return new Heartbeat(completed, failed, busyNanos.get(), holding);
    }

    /** What a worker did, summed into the master's report by {@code Reduce}. */
    record Totals(long completed, long failed, long busyNanos) {
    }
}
