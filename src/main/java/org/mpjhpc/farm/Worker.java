package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.Message;
import org.mpjhpc.log.Log;

/**
 * A worker rank. Its main thread is the only one that talks MPI: it serves the master's
 * messages (see {@link Protocol}), hands tasks to its {@link TaskExecutor}, sends results
 * back in batches and sends heartbeats on time whatever the tasks are doing, but only
 * while its executor is healthy: a dead executor falls silent, as a dead process would.
 * When idle it sleeps on the results queue with a capped backoff, so a finished task wakes
 * it at once and an idle worker costs no CPU.
 */
final class Worker {
    private static final int MASTER = 0;

    private final Comm comm;
    private final FarmConfig config;
    private final int id;
    private final TaskRunner runner;
    private final LinkedBlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
    private final Replicas replicas = new Replicas();
    private final ResourceClient resources = new ResourceClient(replicas);
    private final AtomicLong busyNanos = new AtomicLong();
    private TaskExecutor executor;
    private long completed;
    private long failed;
    private boolean stopping;

    /** @param table the resource table as broadcast at job start */
    Worker(Comm comm, FarmConfig config, long epochMs, byte[] table) {
        this.comm = comm;
        this.config = config;
        this.id = comm.rank() - 1;
        this.runner = new TaskRunner(id, epochMs, resources);
        replicas.replaceAll(Protocol.readTable(table));
    }

    /** Serves the master until it says STOP; returns this worker's counters. */
    Totals run() throws InterruptedException {
        if (id < config.capacities().size()) {
            executor = newExecutor();
        }
        Backoff backoff = new Backoff(20_000, 1_000_000);
        long nextBeat = System.nanoTime();
        List<Outcome> ready = new ArrayList<>();
        try {
            while (true) {
                boolean active = turn(ready);
                nextBeat = heartbeat(nextBeat);
                if (stopping) {
                    comm.send(MASTER, FarmTag.BYE, Protocol.EMPTY);
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
            if (executor != null) {
                executor.kill();
            }
        }
    }

    /** Serves the master's messages, sends lock requests and finished results; true when anything moved. */
    private boolean turn(List<Outcome> ready) throws InterruptedException {
        boolean active = false;
        for (Message m; (m = comm.poll(MASTER)) != null; ) {
            active = true;
            serve(m);
        }
        for (ResourceClient.Outgoing o; (o = resources.outbox().poll()) != null; ) {
            comm.send(MASTER, o.tag(), o.data());
            active = true;
        }
        finished.drainTo(ready);
        if (!ready.isEmpty()) {
            sendResults(ready);
            active = true;
        }
        return active;
    }

    /** A heartbeat when one is due and the executor is healthy; returns when the next one is due. */
    private long heartbeat(long nextBeat) {
        long now = System.nanoTime();
        if (now < nextBeat || executor == null || !executor.healthy()) {
            return nextBeat;
        }
        comm.send(MASTER, FarmTag.HEARTBEAT, Protocol.heartbeat(heartbeat()));
        return now + config.heartbeatMs() * 1_000_000L;
    }

    private TaskExecutor newExecutor() {
        return new TaskExecutor("worker-" + id + "-task", config.workerThreads(), this::timed, finished::add);
    }

    /** Serves one master message: the worker side of each pair in {@link Protocol}. */
    private void serve(Message m) throws InterruptedException {
        FarmTag tag = FarmTag.of(m.tag());
        switch (tag) {
            case TASKS -> {
                List<TaskSpec> tasks = Protocol.readTasks(m.data());
                Log.debug("received " + tasks.size() + " task(s)");
                if (executor != null) {
                    tasks.forEach(executor::submit);
                }
            }
            case STEAL -> {
                TaskSpec given = executor == null ? null : executor.stealLast();
                comm.send(MASTER, FarmTag.STOLEN, Protocol.taskId(given == null ? -1 : given.id()));
            }
            case ACTIVATE, RESTART -> rebuild(tag);
            case DEACTIVATE -> {
                Log.info("deactivated: dropping my queue");
                killExecutor();
            }
            case FAULT -> fault(Protocol.readFault(m.data()));
            case GRANT -> resources.granted(Protocol.readGrant(m.data()));
            case PHASE -> {
                // Nothing is sent between JOINED and the Bcast: the master starts the Bcast
                // once every rank has joined, and receives nothing while it runs.
                comm.send(MASTER, FarmTag.JOINED, Protocol.EMPTY);
                replicas.replaceAll(Protocol.readTable(comm.broadcast(null, MASTER)));
                Log.debug("phase boundary: resource table received by Bcast");
            }
            case STOP -> stopping = true;
            default -> throw new IllegalStateException("worker got unexpected " + tag);
        }
    }

    /** A new executor, then READY: the master may send work again. */
    private void rebuild(FarmTag why) {
        killExecutor();
        executor = newExecutor();
        Log.info((why == FarmTag.RESTART ? "restarted" : "activated") + ": new executor, rejoining");
        comm.send(MASTER, FarmTag.READY, Protocol.EMPTY);
    }

    private void killExecutor() {
        if (executor != null) {
            executor.kill();
            executor = null;
        }
    }

    /** Breaks this worker for real, as the timeline asked. */
    private void fault(Action.Fault f) throws InterruptedException {
        if (f.kind().equals("kill") && executor == null) {
            Log.warn("fault injected: kill, but this worker has no executor (standby or stopped)");
        } else if (f.kind().equals("kill")) {
            Log.warn("fault injected: killing my executor");
            executor.kill();
        } else {
            Log.warn("fault injected: hanging for " + f.ms() + " ms");
            Thread.sleep(f.ms());
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
        comm.send(MASTER, FarmTag.RESULTS, Protocol.results(ready));
        ready.clear();
    }

    private Heartbeat heartbeat() {
        return new Heartbeat(completed, failed, busyNanos.get(), 0);
    }

    /** What a worker did, summed into the master's report by {@code Reduce}. */
    record Totals(long completed, long failed, long busyNanos) {
    }
}
