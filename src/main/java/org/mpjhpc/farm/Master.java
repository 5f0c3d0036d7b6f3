package org.mpjhpc.farm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.Message;
import org.mpjhpc.farm.Control.Applied;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.Shutdown;

/**
 * Rank 0 of a task farm: one event loop that releases due timeline actions, lets idle
 * workers steal, dispatches what fits with nonblocking sends, serves every waiting worker
 * message, and watches the heartbeats, restarting a worker that falls silent. It never
 * blocks on one worker, and when nothing happens it backs off (capped at 1 ms) instead of
 * spinning a core.
 */
final class Master {
    /** Timeline submissions wait unexpanded while this many tasks are queued (bounded memory). */
    static final int QUEUE_LIMIT = 10_000;

    private final Comm comm;
    private final FarmConfig config;
    private final long epochMs;
    private final Scheduler scheduler;
    private final ResourceTable resources;
    private final TaskBook book;
    private final Journal journal;
    private final JournalReplay replay;
    private final EventLog events;
    private final Outbox outbox;
    private final MasterTimes times = new MasterTimes();
    private final FarmBoard board;
    private final Liveness liveness;
    private final Lifecycle lifecycle;
    private final PhaseBarrier phase;
    private final String outDir;
    private Timeline timeline;
    private ControlServer control;
    private boolean shutdownAsked;
    private Watchdog watchdog;
    private String hangDump;

    /**
     * @param journal where tasks, results and resource writes are recorded
     * @param replay  the journal of the run this one continues, or null
     */
    Master(Comm comm, FarmConfig config, long epochMs, ResourceTable resources, String outDir, Journal journal,
            JournalReplay replay) {
        this.comm = comm;
        this.journal = journal;
        this.replay = replay;
        this.book = new TaskBook(journal, FinishedTasks.in(java.nio.file.Path.of(outDir)));
        resources.onWrite((name, value) -> journal.append(JournalCodec.resource(name, value)));
        this.outDir = outDir;
        this.resources = resources;
        this.config = config;
        this.epochMs = epochMs;
        this.scheduler = new Scheduler(config.capacities(), config.standby(), config.longestFirst());
        this.events = new EventLog(epochMs);
        this.phase = new PhaseBarrier(config.workers());
        this.outbox = new Outbox(comm);
        this.liveness = new Liveness(scheduler.slots(), config.capacities().size(), config.heartbeatMs(),
                config.heartbeatTimeoutMs(), System.nanoTime());
        this.lifecycle = new Lifecycle(scheduler, liveness, book, resources, events, outbox, epochMs);
        this.board = new FarmBoard(scheduler.workers());
    }

    /** The tasks' records so far (read by the lifeline's thread for its message). */
    TaskBook book() {
        return book;
    }

    /** Runs the job to the end and says goodbye to every worker. */
    FarmRun run() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        timeline = new Timeline(config.requests());
        watchdog = new Watchdog(config.durability().watchdogMs(), System.nanoTime());
        resume();
        control = Control.start(config.control(), outDir);
        Backoff backoff = new Backoff(20_000, 1_000_000);
        Log.info("master: " + config.capacities().size() + " worker(s) with capacities " + config.capacities()
                + (config.standby() > 0 ? ", " + config.standby() + " standby" : "") + ", "
                + config.totalTasks() + " task(s) to run");
        FarmRun.End end = loop(backoff);
        long loopEnd = System.nanoTime();
        board.tick(loopEnd, true, scheduler, book, liveness, events);
        if (control != null) {
            control.close();
        }
        if (end != FarmRun.End.LOST) {
            stopWorkers();
        }
        times.finish(start, loopEnd, System.nanoTime(), threads.getCurrentThreadCpuTime() - cpuStart);
        return new FarmRun(config, book, scheduler, resources, events, times, end, hangDump, journal,
                replay == null ? 0 : replay.results());
    }

    /** The event loop, until the work is done or something ends it early; says how it ended. */
    private FarmRun.End loop(Backoff backoff) {
        while (!finished()) {
            if (Shutdown.requested()) {
                letRunningFinish();
                return FarmRun.End.INTERRUPTED;
            }
            if (comm.lifeline().lost() != null) {
                return lost();
            }
            boolean active;
            try {
                active = turn();
            } catch (java.io.UncheckedIOException e) {
                return storage(e.getCause());
            } catch (RuntimeException e) {
                if (comm.lifeline().check() == null) {
                    throw e;
                }
                return lost();
            }
            java.io.IOException unwritable = journal.failure() != null ? journal.failure() : book.storageFailure();
            if (unwritable != null) {
                return storage(unwritable);
            }
            if (nobodyLeft()) {
                Log.error("no worker is left to work; " + scheduler.queued() + " task(s) cannot run");
                return FarmRun.End.ABANDONED;
            }
            if (watchdog.enabled() && watchdog.hung(System.nanoTime(), scheduler.holding())) {
                hang();
                return FarmRun.End.HUNG;
            }
            if (active) {
                backoff.reset();
            } else {
                long w0 = System.nanoTime();
                backoff.idle();
                times.idle(System.nanoTime() - w0);
            }
        }
        return FarmRun.End.COMPLETE;
    }

    /** The output folder cannot be written: the run stops, its workers are stopped as usual. */
    private FarmRun.End storage(java.io.IOException e) {
        Log.error("the output folder " + outDir + " cannot be written (" + e.getMessage() + "): the job stops");
        events.add("storage", -1, String.valueOf(e.getMessage()));
        return FarmRun.End.STORAGE;
    }

    /** A rank's process is gone: MPJ cannot go on, so the loop ends with what is recorded. */
    private FarmRun.End lost() {
        events.add("lost", -1, String.join(", ", comm.lifeline().lost().gone()));
        return FarmRun.End.LOST;
    }

    /** The watchdog fired: the stacks and the lock table go to a file, and the job ends. */
    private void hang() {
        String why = "no task finished for " + Math.round(watchdog.silentSeconds(System.nanoTime()))
                + " s (watchdog_s) while the workers held tasks";
        hangDump = HangDump.write(outDir, why, scheduler, resources).toString();
        Log.error("job hung: " + why + "; every thread's stack and the lock table are in " + hangDump);
        events.add("hung", -1, why);
    }

    /**
     * A stop signal came: nothing new is released or dispatched, and what the workers hold
     * may finish within {@code shutdown_grace_s}. What is left is in the journal, for {@code --resume}.
     */
    private void letRunningFinish() {
        long graceMs = config.durability().shutdownGraceMs();
        Log.warn("stop signal: dispatching stops; the tasks the workers hold may finish within " + graceMs / 1000
                + " s");
        events.add("interrupted", -1, "stop signal; " + book.finished() + " task(s) recorded");
        long deadline = System.nanoTime() + graceMs * 1_000_000L;
        Backoff backoff = new Backoff(20_000, 1_000_000);
        while (scheduler.holding() && System.nanoTime() < deadline) {
            if (serveWaiting() > 0) {
                backoff.reset();
            } else {
                backoff.idle();
            }
            lifecycle.watch(System.nanoTime());
            outbox.reap();
        }
        if (scheduler.holding()) {
            Log.warn("stop signal: the grace period is over; tasks still running are stopped and run again on --resume");
        }
    }

    /**
     * Goes on from the journal of an earlier run: its results stand, its unfinished tasks are
     * queued again (their attempts counted on), and the timeline continues where it was.
     */
    private void resume() {
        if (replay == null) {
            return;
        }
        long again = 0;
        for (JournalReplay.Task t : replay.tasks()) {
            book.restore(t);
            if (t.outcome == null) {
                scheduler.submit(new TaskSpec(t.id, t.attempts + 1, t.kind, t.timeoutMs));
                again++;
            }
        }
        timeline.resumeAt(replay.request(), replay.repeat(), replay.tasks().size());
        Log.info("resuming: " + book.restored() + " result(s) from the journal, " + again
                + " unfinished task(s) queued again, the timeline goes on at request " + replay.request()
                + " (repetition " + replay.repeat() + ")");
        events.add("resumed", -1, book.restored() + " result(s) from the journal, " + again + " queued again");
    }

    /** The timeline is done, its work drained, no boundary pending, and the control endpoint (if any) said shutdown. */
    private boolean finished() {
        return timeline.done() && scheduler.drained() && !phase.due() && (control == null || shutdownAsked);
    }

    /** One turn of the event loop: release, dispatch, serve, watch; true when something was served. */
    private boolean turn() {
        long t0 = System.nanoTime();
        advancePhase();
        if (!phase.due()) {
            release();
        }
        dispatch();
        long t1 = System.nanoTime();
        boolean active = serveWaiting() > 0;
        if (control != null) {
            active |= control.drain(c -> Control.reply(c, config.workers(), a -> apply(a, null),
                    () -> shutdownAsked = true, this::status)) > 0;
        }
        long t2 = System.nanoTime();
        lifecycle.watch(t2);
        board.tick(t2, false, scheduler, book, liveness, events);
        outbox.reap();
        journal.handOff();
        times.add(t1 - t0, t2 - t1);
        return active;
    }

    /** No worker works and none can come back; a boundary under way ends first (workers wait in its Bcast). */
    private boolean nobodyLeft() {
        return timeline.done() && control == null && !scheduler.anyWorking() && !phase.underWay();
    }

    /**
     * Carries out one action, from the timeline or the control endpoint alike.
     *
     * @param task the task a timeline submission was numbered with, or null to number it now
     */
    private Applied apply(Action action, Timeline.Due due) {
        if (action instanceof Action.Submit s) {
            TaskSpec t = due != null ? due.task() : timeline.newTask(s);
            submit(t, s.worker(), s.maxAttempts(), due);
            return Applied.did("task", t.id());
        } else if (action instanceof Action.AddWorker add) {
            int worker = lifecycle.add(add.capacity());
            return worker < 0 ? Applied.refused("no standby rank is left; start the job with more farm.standby")
                    : Applied.did("worker", worker);
        } else if (action instanceof Action.StopWorker stop) {
            return lifecycle.stop(stop.worker()) ? Applied.did("stopped", stop.worker())
                    : Applied.refused("worker " + stop.worker() + " is " + scheduler.state(stop.worker()));
        } else if (action instanceof Action.DeclareResource r) {
            resources.declare(r.name(), r.type(), r.value());
            Log.info("shared resource '" + r.name() + "' (" + r.type() + ") declared");
            return Applied.did("resource", r.name());
        } else if (action instanceof Action.Phase) {
            phase.reached();
            return Applied.did("phase", "due");
        } else if (action instanceof Action.Fault fault) {
            events.add("fault", fault.worker(), fault.kind() + (fault.kind().equals("hang") ? " " + fault.ms() + " ms" : ""));
            outbox.send(fault.worker(), FarmTag.FAULT, Protocol.fault(fault));
            return Applied.did("fault", fault.kind());
        }
        throw new IllegalStateException("no rule for " + action);
    }

    private ObjectNode status() {
        return Status.of(scheduler, book, resources, liveness, System.nanoTime());
    }

    private void submit(TaskSpec task, int worker, int maxAttempts, Timeline.Due due) {
        book.add(task, maxAttempts > 0 ? maxAttempts : config.maxAttempts(), due == null ? -1 : due.request(),
                due == null ? 0 : due.repeat());
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

    /** Carries out the timeline actions that are due; a phase stops the release until it is crossed. */
    private void release() {
        int room = QUEUE_LIMIT - scheduler.queued();
        for (Timeline.Due due : timeline.due(System.currentTimeMillis() - epochMs, room)) {
            if (due.task() == null) {
                journal.append(JournalCodec.action(due.request(), due.repeat()));
            }
            apply(due.action(), due);
        }
    }

    /** Moves a due phase boundary on: asks the workers to join once the work has settled, then broadcasts. */
    private void advancePhase() {
        switch (phase.next(scheduler.settled())) {
            case ASK_TO_JOIN -> askToJoin();
            case BROADCAST -> phaseBoundary();
            default -> {
            }
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
            outbox.send(w, FarmTag.PHASE, Protocol.EMPTY);
        }
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
    }

    /** One event per task stolen, named after the thief (its {@code stolen} counter). */
    private void logSteals() {
        for (Stealing.Steal st : scheduler.takeSteals()) {
            events.add("stolen", st.thief(), "task " + st.taskId() + " from worker " + st.victim());
        }
    }

    private void dispatch() {
        if (config.stealing()) {
            for (Map.Entry<Integer, Integer> ask : scheduler.steal(config.workerThreads()).entrySet()) {
                outbox.send(ask.getKey(), FarmTag.STEAL, Protocol.EMPTY);
                Log.debug("worker " + ask.getValue() + " is idle: asking worker " + ask.getKey() + " for a task");
            }
            logSteals();
        }
        for (Map.Entry<Integer, List<TaskSpec>> batch : scheduler.assign().entrySet()) {
            int worker = batch.getKey();
            for (TaskSpec t : batch.getValue()) {
                book.dispatched(t, worker);
            }
            outbox.send(worker, FarmTag.TASKS, Protocol.tasks(batch.getValue()));
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
            case READY -> lifecycle.rejoined(worker, now);
            case JOINED -> {
                liveness.hold(worker);
                phase.joined();
            }
            case LOCK -> {
                Protocol.Lock l = Protocol.readLock(m.data());
                outbox.grant(resources.request(worker, l.requestId(), l.name(), l.mode(), l.replicaVersion()));
            }
            case RELEASE -> {
                Protocol.Release r = Protocol.readRelease(m.data());
                outbox.grant(resources.release(worker, r.name(), r.mode(), r.value()));
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

    private void result(int worker, Outcome o, long now) {
        times.firstResult(now);
        board.result(worker, o.ok());
        scheduler.complete(worker, o.taskId(), o.attempt());
        boolean recorded = book.record(o);
        if (recorded) {
            watchdog.progress(now);
        }
        if (!recorded) {
            Log.info("dropped a duplicate result of task " + o.taskId() + " (attempt " + o.attempt() + ")");
        } else if (o.ok()) {
            Log.debug("task " + o.taskId() + " done on worker " + o.worker() + ": " + o.result());
        } else {
            Log.warn("task " + o.taskId() + " failed on worker " + o.worker() + ": " + o.error());
        }
    }

    /**
     * The explicit stop: once the work has drained, every worker rank gets STOP and answers
     * BYE after its last results. Messages still arriving are served on the way.
     */
    private void stopWorkers() {
        for (int w = 0; w < config.workers(); w++) {
            outbox.send(w, FarmTag.STOP, Protocol.EMPTY);
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
        outbox.flush();
    }
}
