package org.mpjhpc.data.stats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.mpjhpc.data.DataComm;

/**
 * The first pass's merge: category names are agreed (the sorted union of what the workers
 * saw), then each category's {@link Moments} merge by Reduce with the same merge a worker
 * uses inside, and the master Bcasts the total's count, mean, stddev, min and max.
 */
final class CategoryMerge {
    private CategoryMerge() {
    }

    /**
     * Fills the master's result with the merged statistics and every rank's total with the
     * broadcast summary; returns the total's standard deviation.
     *
     * @param data this worker's statistics, or null at the master
     */
    static double merge(DataComm comm, LocalData data, StatsResult result) {
        List<String> global = agreeOnNames(comm, data);
        Moments[] local = new Moments[Math.max(1, global.size())];
        Arrays.fill(local, Moments.EMPTY);
        if (data != null) {
            Moments[] byCode = data.moments();
            List<String> localNames = data.categoryNames();
            Map<String, Integer> index = new HashMap<>();
            for (int g = 0; g < global.size(); g++) {
                index.put(global.get(g), g);
            }
            for (int c = 0; c < byCode.length; c++) {
                int g = localNames.isEmpty() ? 0 : index.get(localNames.get(c));
                local[g] = local[g].merge(byCode[c]);
            }
        }
        Moments[] merged = Moments.unpack(comm.reduce(Moments.pack(local), Moments.WIDTH, Moments::mergePacked));
        double[] summary = new double[5];
        if (comm.master()) {
            for (Moments m : merged) {
                result.total = result.total.merge(m);
            }
            result.categories = global;
            result.byCategory = merged;
            Moments t = result.total;
            summary = new double[] {t.count(), t.average(), t.stddev(), t.min(), t.max()};
        }
        summary = comm.bcast(summary, 5);
        if (!comm.master()) {
            result.total = new Moments((long) summary[0], summary[1], 0, 0, summary[3], summary[4]);
        }
        return summary[2];
    }

    /** The sorted union of the category names every worker saw, known to every rank. */
    private static List<String> agreeOnNames(DataComm comm, LocalData data) {
        String mine = data == null ? "" : String.join("\n", data.categoryNames());
        List<byte[]> names = comm.gather(mine.getBytes(StandardCharsets.UTF_8));
        String joined = "";
        if (comm.master()) {
            TreeSet<String> union = new TreeSet<>();
            for (byte[] n : names) {
                String s = new String(n, StandardCharsets.UTF_8);
                if (!s.isEmpty()) {
                    union.addAll(Arrays.asList(s.split("\n", -1)));
                }
            }
            joined = String.join("\n", union);
        }
        joined = new String(comm.bcast(joined.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n", -1));
    }
}
