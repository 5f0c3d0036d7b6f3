package org.mpjhpc.farm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.Message;
import org.mpjhpc.log.Log;

/**
 * Rank 0 of a task farm: one event loop that releases due timeline actions, lets idle
 * workers steal, dispatches what fits with nonblocking sends, serves every waiting worker
 * message, and watches the heartbeats, restarting a worker that falls silent. It never
 * blocks on one worker, and when nothing happens it backs off (capped at 1 ms) instead of
 * spinning a core.
 */
final class Master {
    private final Comm comm;
    private final FarmConfig config;
    private final long epochMs;
    private final Scheduler scheduler;
    private final ResourceTable resources;
    private final TaskBook book = new TaskBook();
    private final EventLog events;
    private final long[] restarts;
    private final List<Comm.Pending> sends = new ArrayList<>();
    private final MasterTimes times = new MasterTimes();
    private Liveness liveness;
    /** A phase boundary waits for the work before it to drain. */
    private boolean phaseDue;
    /** Worker ranks yet to answer PHASE with JOINED; -1 while no phase boundary is under way. */
    private int unjoined = -1;
    private final String outDir;
    private Timeline timeline;
    private ControlServer control;
    private boolean shutdownAsked;

    Master(Comm comm, FarmConfig config, long epochMs, ResourceTable resources, String outDir) {
        this.comm = comm;
        this.outDir = outDir;
        this.resources = resources;
        this.config = config;
        this.epochMs = epochMs;
        this.scheduler = new Scheduler(config.capacities(), config.standby(), config.longestFirst());
        this.events = new EventLog(epochMs);
        this.restarts = new long[config.workers()];
    }

    /** Runs the job to the end and says goodbye to every worker. */
    FarmRun run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        liveness = new Liveness(config.workers(), config.capacities().size(), config.heartbeatMs(),
                config.heartbeatTimeoutMs(), start);
        timeline = new Timeline(config.requests());
        control = Control.start(config.control(), outDir);
        Backoff backoff = new Backoff(20_000, 1_000_000);
        Log.info("master: " + config.capacities().size() + " worker(s) with capacities " + config.capacities()
                + (config.standby() > 0 ? ", " + config.standby() + " standby" : "") + ", "
                + config.totalTasks() + " task(s) to run");
        boolean abandoned = false;
        while (!(timeline.done() && scheduler.drained() && !phaseDue && (control == null || shutdownAsked))) {
            long t0 = System.nanoTime();
            advancePhase();
            if (!phaseDue) {
                release(timeline);
            }
            dispatch();
            long t1 = System.nanoTime();
            boolean active = serveWaiting() > 0;
            if (control != null) {
                active |= control.drain(this::command) > 0;
            }
            long t2 = System.nanoTime();
            watch(t2);
            sends.removeIf(Comm.Pending::done);
            times.add(t1 - t0, t2 - t1);
            // A boundary under way ends first: joined workers wait in its Bcast.
            if (timeline.done() && control == null && !scheduler.anyWorking() && unjoined < 0) {
                Log.error("no worker is left to work; " + scheduler.queued() + " task(s) cannot run");
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
        if (control != null) {
            control.close();
        }
        stopWorkers();
        times.finish(start, loopEnd, System.nanoTime(), threads.getCurrentThreadCpuTime() - cpuStart);
        return new FarmRun(config, book, scheduler, resources, events, restarts, times, abandoned);
    }

    /** Carries out one request of the control endpoint, between two MPI polls. */
    private ControlServer.Reply command(ControlServer.Command c) {
        if (c.worker() != Request.ANY_WORKER && (c.worker() < 0 || c.worker() >= config.workers())) {
            return ControlServer.error(400, "no worker " + c.worker() + " (workers are 0.." + (config.workers() - 1) + ")");
        }
        ObjectNode body = ControlServer.object();
        switch (c.route()) {
            case "send" -> {
                Action.Submit s = (Action.Submit) c.payload();
                TaskSpec task = timeline.newTask(s.task());
                submit(task, c.worker(), s.maxAttempts());
                body.put("task", task.id());
            }
            case "resource" -> {
                Action.DeclareResource r = (Action.DeclareResource) c.payload();
                resources.declare(r.name(), r.type(), r.value());
                body.put("resource", r.name());
            }
            case "add" -> {
                int worker = addWorker((Integer) c.payload());
                if (worker < 0) {
                    return ControlServer.error(409, "no standby rank is left; start the job with more farm.standby");
                }
                body.put("worker", worker);
            }
            case "stop" -> {
                if (!stopWorker(c.worker())) {
                    return ControlServer.error(409, "worker " + c.worker() + " is " + scheduler.state(c.worker()));
                }
                body.put("stopped", c.worker());
            }
            case "shutdown" -> {
                shutdownAsked = true;
                body.put("shutdown", "the job ends once its work has drained");
            }
            default -> body = Status.of(scheduler, book, resources, liveness, restarts, System.nanoTime());
        }
        return ControlServer.ok(body);
    }

    private void submit(TaskSpec task, int worker, int maxAttempts) {
        book.add(task, maxAttempts > 0 ? maxAttempts : config.maxAttempts());
        Scheduler.State state = worker == Request.ANY_WORKER ? null : scheduler.state(worker);
        if (state == Scheduler.State.STANDBY || state == Scheduler.State.STOPPED) {
            Log.warn("task " + task.id() + " was sent to worker " + worker + ", which is " + state
                    + "; it goes to the master queue instead");
            worker = Request.ANY_WORKER;
        }
        if (worker == Request.ANY_WORKER) {
            scheduler.submit(task);
        } else {
            scheduler.submitTo(worker, task);
        }
    }

    /** Carries out the timeline actions that are due. */
    private void release(Timeline timeline) {
        for (Timeline.Due due : timeline.due(System.currentTimeMillis() - epochMs)) {
            Action action = due.action();
            if (due.task() != null) {
                submit(due.task(), due.worker(), ((Action.Submit) action).maxAttempts());
            } else if (action instanceof Action.AddWorker add) {
                addWorker(add.capacity());
            } else if (action instanceof Action.StopWorker stop) {
                stopWorker(stop.worker());
            } else if (action instanceof Action.DeclareResource r) {
                resources.declare(r.name(), r.type(), r.value());
                Log.info("shared resource '" + r.name() + "' (" + r.type() + ") declared");
            } else if (action instanceof Action.Phase) {
                phaseDue = true;
                return;
            } else if (action instanceof Action.Fault fault) {
                events.add("fault", fault.worker(), fault.kind() + (fault.kind().equals("hang") ? " " + fault.ms() + " ms" : ""));
                send(fault.worker(), FarmTag.FAULT, Protocol.fault(fault));
            }
        }
    }

    /** Moves a due phase boundary on: asks the workers to join once the work has settled, then broadcasts. */
    private void advancePhase() {
        if (phaseDue && unjoined < 0 && scheduler.settled()) {
            askToJoin();
        }
        if (unjoined == 0) {
            phaseBoundary();
        }
    }

    /**
     * The phase boundary, first half: all submitted work has drained, so every worker rank is
     * told to join. The Bcast waits for their JOINED answers: a worker's send completes only
     * when the master receives it, so one sent while the master sat in the Bcast would hang
     * both. Meanwhile the loop goes on serving, and the joined workers' silence is excused.
     */
    private void askToJoin() {
        for (int w = 0; w < config.workers(); w++) {
            send(w, FarmTag.PHASE, Protocol.EMPTY);
        }
        unjoined = config.workers();
    }

    /**
     * The phase boundary, second half: every worker rank waits in the Bcast, so the resource
     * table goes to all of them. Their replicas are then current, so the next grants carry
     * versions only.
     */
    private void phaseBoundary() {
        comm.broadcast(Protocol.table(resources.snapshot()), 0);
        liveness.resume(System.nanoTime());
        events.add("phase", -1, "resource table broadcast");
        Log.info("phase boundary: resource table broadcast to every worker");
        unjoined = -1;
        phaseDue = false;
    }

    /** Activates a standby rank; returns its worker id, or -1 when none is left. */
    private int addWorker(int capacity) {
        int worker = scheduler.activate(capacity);
        if (worker < 0) {
            Log.warn("add_worker: no standby rank is left (start the job with more farm.standby)");
            return -1;
        }
        liveness.watch(worker, System.nanoTime());
        send(worker, FarmTag.ACTIVATE, Protocol.EMPTY);
        events.add("added", worker, "capacity " + capacity);
        Log.info("worker " + worker + " (rank " + (worker + 1) + ") added with capacity " + capacity);
        return worker;
    }

    /** Deactivates a worker; false when it was not active. */
    private boolean stopWorker(int worker) {
        if (scheduler.state(worker) != Scheduler.State.ACTIVE) {
            Log.warn("stop_worker: worker " + worker + " is " + scheduler.state(worker) + ", not active");
            return false;
        }
        List<TaskSpec> back = scheduler.deactivate(worker);
        back.forEach(book::requeued);
        liveness.off(worker);
        releaseLocks(worker);
        send(worker, FarmTag.DEACTIVATE, Protocol.EMPTY);
        events.add("stopped", worker, back.size() + " task(s) requeued");
        Log.info("worker " + worker + " stopped; " + back.size() + " task(s) back to the head of the queue");
        return true;
    }

    /** One event per task stolen, named after the thief (its {@code stolen} counter). */
    private void logSteals() {
        for (Scheduler.Steal st : scheduler.takeSteals()) {
            events.add("stolen", st.thief(), "task " + st.taskId() + " from worker " + st.victim());
        }
    }

    private void dispatch() {
        if (config.stealing()) {
            for (Map.Entry<Integer, Integer> ask : scheduler.steal(config.workerThreads()).entrySet()) {
                send(ask.getKey(), FarmTag.STEAL, Protocol.EMPTY);
                Log.debug("worker " + ask.getValue() + " is idle: asking worker " + ask.getKey() + " for a task");
            }
            logSteals();
        }
        for (Map.Entry<Integer, List<TaskSpec>> batch : scheduler.assign().entrySet()) {
            int worker = batch.getKey();
            for (TaskSpec t : batch.getValue()) {
                book.dispatched(t, worker);
            }
            send(worker, FarmTag.TASKS, Protocol.tasks(batch.getValue()));
            Log.debug("sent " + batch.getValue().size() + " task(s) to worker " + worker
                    + ", it holds " + scheduler.held(worker) + "/" + scheduler.capacity(worker));
        }
    }

    private void send(int worker, FarmTag tag, byte[] data) {
        sends.add(comm.isend(worker + 1, tag, data));
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

    /** Serves one worker message (the master side of each pair in {@link Protocol}); true for BYE. */
    private boolean serve(Message m) {
        int worker = m.source() - 1;
        FarmTag tag = FarmTag.of(m.tag());
        long now = System.nanoTime();
        // Only heartbeats and results show that the executing side lives; a STOLEN or BYE
        // only shows that the worker's communication thread does.
        if ((tag == FarmTag.HEARTBEAT || tag == FarmTag.RESULTS) && liveness.heard(worker, now)) {
            Log.info("worker " + worker + " is responding again");
        }
        switch (tag) {
            case RESULTS -> Protocol.readResults(m.data()).forEach(o -> result(worker, o, now));
            case HEARTBEAT -> Log.debug("heartbeat from worker " + worker);
            case READY -> rejoined(worker, now);
            case JOINED -> {
                liveness.hold(worker);
                unjoined--;
            }
            case LOCK -> {
                Protocol.Lock l = Protocol.readLock(m.data());
                grant(resources.request(worker, l.requestId(), l.name(), l.mode(), l.replicaVersion()));
            }
            case RELEASE -> {
                Protocol.Release r = Protocol.readRelease(m.data());
                grant(resources.release(worker, r.name(), r.mode(), r.value()));
            }
            case STOLEN -> {
                int id = Protocol.readTaskId(m.data());
                scheduler.stolen(worker, id);
                logSteals();
            }
            case BYE -> {
                return true;
            }
            default -> throw new IllegalStateException("master got unexpected " + tag + " from rank " + m.source());
        }
        return false;
    }

    private void grant(List<ResourceTable.Grant> grants) {
        for (ResourceTable.Grant g : grants) {
            send(g.worker(), FarmTag.GRANT, Protocol.grant(g));
            Log.debug("lock on '" + g.name() + "' granted to worker " + g.worker()
                    + (g.withValue() ? " with its value" : " (version only)"));
        }
    }

    /** A worker that is lost or stopped holds no lock any more. */
    private void releaseLocks(int worker) {
        List<String> released = new ArrayList<>();
        grant(resources.releaseAll(worker, released));
        if (!released.isEmpty()) {
            events.add("released", worker, String.join(", ", released));
            Log.warn("locks held by worker " + worker + " released: " + released);
        }
    }

    private void result(int worker, Outcome o, long now) {
        times.firstResult(now);
        scheduler.complete(worker, o.taskId(), o.attempt());
        if (!book.record(o)) {
            Log.info("dropped a duplicate result of task " + o.taskId() + " (attempt " + o.attempt() + ")");
        } else if (o.ok()) {
            Log.debug("task " + o.taskId() + " done on worker " + o.worker() + ": " + o.result());
        } else {
            Log.warn("task " + o.taskId() + " failed on worker " + o.worker() + ": " + o.error());
        }
    }

    /** READY: a restarted worker rejoins; an added one has its executor up (a phase boundary waits for it). */
    private void rejoined(int worker, long now) {
        if (scheduler.state(worker) == Scheduler.State.RESTARTING) {
            scheduler.ready(worker);
            liveness.watch(worker, now);
            events.add("ready", worker, "rejoined with capacity " + scheduler.capacity(worker));
            Log.info("worker " + worker + " rejoined with capacity " + scheduler.capacity(worker));
        } else if (scheduler.state(worker) == Scheduler.State.ACTIVE) {
            scheduler.ready(worker);
        }
    }

    /**
     * A task whose runs ended in its worker's death {@code max_attempts} times is not run
     * again: it ends failed, saying so, and the job goes on. Returns the tasks requeued.
     */
    private List<TaskSpec> giveUpPoison(List<TaskSpec> back, int worker) {
        List<TaskSpec> requeued = new ArrayList<>();
        for (TaskSpec t : back) {
            int runs = t.attempt() - 1; // takeBack raised it for the run that died
            if (runs < book.maxAttempts(t.id()) || book.isFinished(t.id())) {
                requeued.add(t);
                continue;
            }
            scheduler.withdraw(t);
            String why = "gave up after " + runs + " attempt(s): the worker running it died each time (last: worker "
                    + worker + ")";
            book.giveUp(t.id(), runs, worker, why, System.currentTimeMillis() - epochMs);
            events.add("gave_up", worker, "task " + t.id() + " after " + runs + " attempt(s)");
            Log.error("task " + t.id() + ": " + why);
        }
        return requeued;
    }

    /** Failure recovery: a silent worker is declared dead, its work requeued, and restarted. */
    private void watch(long nowNanos) {
        List<Integer> suspect = new ArrayList<>();
        for (int worker : liveness.check(nowNanos, suspect)) {
            List<TaskSpec> back = scheduler.fail(worker);
            back.forEach(book::requeued);
            back = giveUpPoison(back, worker);
            events.add("dead", worker, "silent " + liveness.silentMs(worker, nowNanos) + " ms");
            events.add("requeued", worker, back.size() + " task(s)");
            Log.error("worker " + worker + " silent for " + liveness.silentMs(worker, nowNanos)
                    + " ms: declared dead, " + back.size() + " task(s) back to the head of the queue; restarting it");
            releaseLocks(worker);
            restarts[worker]++;
            send(worker, FarmTag.RESTART, Protocol.EMPTY);
        }
        for (int worker : suspect) {
            Log.warn("worker " + worker + " silent for " + liveness.silentMs(worker, nowNanos) + " ms: suspect");
        }
    }

    /**
     * The explicit stop: once the work has drained, every worker rank gets STOP and answers
     * BYE after its last results. Messages still arriving are served on the way.
     */
    private void stopWorkers() {
        for (int w = 0; w < config.workers(); w++) {
            send(w, FarmTag.STOP, Protocol.EMPTY);
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
