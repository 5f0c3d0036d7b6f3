package org.mpjhpc.farm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/** The live view served by {@code GET /status}: queues, workers, locks, counters. */
final class Status {
    private Status() {
    }

    static ObjectNode of(Scheduler s, TaskBook book, ResourceTable resources, Liveness liveness,
            long nowNanos) {
        ObjectNode root = ControlServer.object();
        ObjectNode queues = root.putObject("queues");
        queues.put("waiting", s.queued());
        ArrayNode workers = root.putArray("workers");
        for (int w = 0; w < s.workers(); w++) {
            ObjectNode n = workers.addObject();
            n.put("id", w);
            n.put("rank", w + 1);
            n.put("state", s.state(w).name().toLowerCase(Locale.ROOT));
            n.put("heartbeat", liveness.state(w).name().toLowerCase(Locale.ROOT));
            n.put("silent_ms", liveness.silentMs(w, nowNanos));
            n.put("capacity", s.capacity(w));
            n.put("holding", s.held(w));
            n.put("assigned", s.assigned(w));
            n.put("stolen", s.stolen(w));
            n.put("failures", s.failures(w));
            n.put("restarts", s.restarts(w));
        }
        ObjectNode locks = root.putObject("locks");
        resources.holders().forEach(locks::put);
        ObjectNode versions = root.putObject("resources");
        resources.snapshot().forEach((name, e) -> versions.put(name, e.version()));
        ObjectNode counters = root.putObject("counters");
        counters.put("tasks", book.size());
        counters.put("finished", book.finished());
        counters.put("failed", book.failed());
        counters.put("duplicates_dropped", book.duplicates());
        return root;
    }
}
