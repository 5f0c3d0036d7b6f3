package org.mpjhpc.data.mapreduce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mpjhpc.output.Verdict;

/** The MapReduce VERIFY line fails when pairs or counts go missing between the maps and the reducers. */
class MapReduceVerifyTest {
    private static final MapReduceConfig CONFIG = new MapReduceConfig("M", null, "R", List.of("in"), false, ',', 1,
            null, "out", 100, 3, false, 0, Map.of(), 5, 1);

    /** One chunk of 100 bytes mapped into {@code made} pairs; one partition that received and read {@code received}. */
    private static Verdict verdict(long made, MapReduceReport.Sums sums, long received) {
        MapPhase.Task t = new MapPhase.Task(new Chunk(0, 0, 0, 100, -1));
        t.status = MapPhase.Status.DONE;
        t.worker = 0;
        t.done = new Orders.Report(Orders.ReportKind.DONE, 0, 1, 10, made, made, 100, 1, null);
        PartitionResult p = new PartitionResult(0, 0, true, 1, received, received, received, List.of(), List.of());
        return MapReduceReport.verify(CONFIG, new MapReduceReport.Outcome(List.of(t), null, sums, List.of(p)), 100);
    }

    @Test
    void pairsOfAPairJobMustAllArrive() {
        assertTrue(verdict(40, new MapReduceReport.Sums(40, false, 0, 0, 0), 40).passed());
        assertFalse(verdict(40, new MapReduceReport.Sums(39, false, 0, 0, 0), 39).passed(), "a pair not sent");
        assertFalse(verdict(40, new MapReduceReport.Sums(40, false, 0, 0, 0), 39).passed(), "a pair not received");
    }

    @Test
    void aCountingJobMayMergePairsButNoCount() {
        assertTrue(verdict(40, new MapReduceReport.Sums(25, true, 900, 900, 900), 25).passed());
        assertFalse(verdict(40, new MapReduceReport.Sums(25, true, 900, 899, 899), 25).passed(), "a count lost merging");
        assertFalse(verdict(40, new MapReduceReport.Sums(25, true, 900, 900, 890), 25).passed(), "a count not read");
        assertFalse(verdict(40, new MapReduceReport.Sums(41, true, 900, 900, 900), 41).passed(), "more pairs than made");
        assertFalse(verdict(40, new MapReduceReport.Sums(0, true, 0, 0, 0), 0).passed(), "every pair gone");
    }
}
