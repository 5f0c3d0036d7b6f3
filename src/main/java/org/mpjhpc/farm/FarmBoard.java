package org.mpjhpc.farm;

import java.util.List;
import java.util.Locale;
import org.mpjhpc.monitor.Board;
import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;

/**
 * The farm's view on the live monitor: the workers, the queue and the counters, published
 * by the master loop at most four times a second (a few dozen numbers: nothing the loop
 * would notice), and the event log's new entries as they come.
 */
final class FarmBoard {
    private static final long EVERY_NANOS = 250_000_000L;
    private final Board board = Board.get();
    private final long[] completed;
    private final long[] failed;
    private long next;
    private int eventsSent;

    FarmBoard(int workers) {
        this.completed = new long[workers];
        this.failed = new long[workers];
    }

    /** A worker sent a task's result; counted as the report counts it: every run completed, some of them failed. */
    void result(int worker, boolean ok) {
        if (worker >= 0 && worker < completed.length) {
            completed[worker]++;
            failed[worker] += ok ? 0 : 1;
        }
    }

    /** Publishes the view when one is due (or always, when {@code force}). */
    void tick(long now, boolean force, Scheduler s, TaskBook book, Liveness liveness, EventLog events) {
        if (!board.on() || (!force && now < next)) {
            return;
        }
        next = now + EVERY_NANOS;
        JsonObject v = new JsonObject().put("queue", s.queued()).put("tasks", book.size())
                .put("finished", book.finished()).put("failed", book.failed());
        JsonArray workers = v.putArray("workers");
        for (int w = 0; w < s.workers(); w++) {
            Scheduler.State state = s.state(w);
            Liveness.State pulse = liveness.state(w);
            workers.addObject().put("id", w).put("state", lower(state)).put("heartbeat", lower(pulse))
                    .put("capacity", s.capacity(w)).put("holding", s.held(w)).put("completed", completed[w])
                    .put("failed", failed[w]).put("stolen", s.stolen(w)).put("lost", s.failures(w))
                    .put("up", state == Scheduler.State.ACTIVE && pulse == Liveness.State.ALIVE ? 1 : 0);
        }
        board.publish(v);
        board.record("finished", book.finished());
        board.record("queue", s.queued());
        List<EventLog.Event> all = events.events();
        for (; eventsSent < all.size(); eventsSent++) {
            EventLog.Event e = all.get(eventsSent);
            board.event(e.kind(), e.worker(), e.detail());
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
