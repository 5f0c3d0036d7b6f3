package org.mpjhpc.data.mapreduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mpjhpc.data.ByteTable;

/**
 * The map outputs a worker holds until the shuffle, one per finished task, so that a task
 * can run again elsewhere without mixing in. Once the master has said which tasks count,
 * counting tasks' tables are merged into one (as the dedicated word count's worker keeps one
 * table): the shuffle and the reducers then see each key once per worker, not once per task.
 * Pure: no MPI.
 */
final class WorkerOutputs {
    private final Map<Integer, MapOutput> byTask = new TreeMap<>();
    /** The sum of every count in the accepted tasks' tables, taken before they were merged. */
    long countsMade;
    /** The sum of every count in the merged table: equal to {@link #countsMade} unless a count went missing. */
    long countsSent;

    void put(int task, MapOutput output) {
        byTask.put(task, output);
    }

    /** Keeps only the tasks the master accepted (each chunk counts once, on one worker). */
    void retain(Set<Integer> accepted) {
        byTask.keySet().retainAll(accepted);
    }

    /**
     * The accepted outputs as bytes per partition, counting tables merged into one first;
     * the outputs are handed over (this holds none afterwards).
     */
    List<MapOutput> forShuffle(int partitions) {
        List<MapOutput> all = new ArrayList<>(byTask.values());
        byTask.clear();
        List<MapOutput> out = new ArrayList<>();
        List<MapOutput> tables = new ArrayList<>();
        for (MapOutput o : all) {
            (o.table() == null ? out : tables).add(o);
        }
        if (!tables.isEmpty()) {
            for (MapOutput t : tables) {
                countsMade += t.table().total();
            }
            MapOutput merged = merge(tables);
            countsSent = merged.table().total();
            out.add(merged.encoded(partitions));
        }
        return out;
    }

    /** The tables summed into the largest (fewest keys to move), with the tasks' counts added up. */
    static MapOutput merge(List<MapOutput> tables) {
        ByteTable into = tables.get(0).table();
        for (MapOutput o : tables) {
            into = o.table().size() > into.size() ? o.table() : into;
        }
        long records = 0;
        long emitted = 0;
        long bytes = 0;
        for (MapOutput o : tables) {
            if (o.table() != into) {
                into.addAll(o.table());
            }
            records += o.records();
            emitted += o.emitted();
            bytes += o.bytes();
        }
        return MapOutput.counted(into, records, emitted, bytes);
    }

    /** The pairs a list of outputs carries. */
    static long pairs(List<MapOutput> outputs) {
        long pairs = 0;
        for (MapOutput o : outputs) {
            pairs += o.pairs();
        }
        return pairs;
    }
}
