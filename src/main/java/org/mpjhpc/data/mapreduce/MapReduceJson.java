package org.mpjhpc.data.mapreduce;

import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;

/** report.json of a MapReduce job: its classes, every map task, every partition, the top keys. */
final class MapReduceJson {
    private MapReduceJson() {
    }

    static JsonObject of(MapReduceConfig c, MapReduceReport.Outcome o, String status, long input) {
        JsonObject j = new JsonObject();
        j.put("status", status);
        j.put("mapper", c.mapper());
        j.put("combiner", c.combiner());
        j.put("reducer", c.reducer());
        JsonArray inputs = j.putArray("inputs");
        c.inputs().forEach(inputs::add);
        j.put("record", c.csv() ? "csv" : "line");
        j.put("workers", c.workers());
        j.put("reducers", c.reducers());
        j.put("chunk_bytes", c.chunkBytes());
        j.put("input_bytes", input);
        j.put("output", c.output());
        JsonObject counts = j.putObject("counts");
        counts.put("records", o.sum(Orders.Report::records));
        counts.put("emitted", o.sum(Orders.Report::emitted));
        counts.put("pairs", o.sum(Orders.Report::pairs));
        counts.put("sent", o.sums().sent());
        counts.put("keys", o.partitions().stream().mapToLong(PartitionResult::keys).sum());
        maps(j.putArray("map_tasks"), c, o);
        partitions(j.putArray("partitions"), o);
        JsonArray top = j.putArray("top");
        MapReduceReport.top(c, o).forEach(e -> top.addObject().put("key", e.key()).put("value", e.value()));
        return j;
    }

    private static void maps(JsonArray a, MapReduceConfig c, MapReduceReport.Outcome o) {
        for (MapPhase.Task t : o.tasks()) {
            JsonObject m = a.addObject();
            m.put("id", t.chunk.id());
            m.put("file", c.inputs().get(t.chunk.file()));
            m.put("from", t.chunk.from());
            m.put("to", t.chunk.to());
            m.put("status", t.status == MapPhase.Status.FAILED && c.skipFailed() ? "skipped"
                    : t.status.name().toLowerCase(java.util.Locale.ROOT));
            m.put("worker", t.worker);
            m.put("attempts", t.attempts);
            if (t.done != null) {
                m.put("records", t.done.records());
                m.put("pairs", t.done.pairs());
                m.put("seconds", t.done.nanos() / 1e9);
            }
            JsonArray errors = m.putArray("errors");
            t.errors.forEach(errors::add);
        }
    }

    private static void partitions(JsonArray a, MapReduceReport.Outcome o) {
        o.partitions().stream().sorted(MapReduceReport.byPartition()).forEach(p -> {
            JsonObject r = a.addObject();
            r.put("partition", p.partition());
            r.put("worker", p.worker());
            r.put("status", p.ok() ? "done" : "failed");
            r.put("attempts", p.attempts());
            r.put("keys", p.keys());
            r.put("pairs", p.received());
            JsonArray errors = r.putArray("errors");
            p.errors().forEach(errors::add);
        });
    }
}
