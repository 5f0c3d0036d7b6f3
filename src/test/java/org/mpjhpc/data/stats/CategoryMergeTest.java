package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mpjhpc.comm.ThreadComm;
import org.mpjhpc.data.DataComm;

/** The first pass's merge driven on an in-memory world of one master and three workers. */
class CategoryMergeTest {
    private static final String[][] SEEN = {{}, {"b", "a"}, {"c", "b"}, {"d"}};

    @Test
    void everyRankLearnsTheMergedTotalAndTheMasterEachCategoryAsOnePassWouldGiveIt() throws Exception {
        Map<String, Moments> serial = new TreeMap<>();
        Moments all = Moments.EMPTY;
        double[][] values = new double[SEEN.length][];
        Random random = new Random(7);
        for (int r = 1; r < SEEN.length; r++) {
            values[r] = new double[1000 * r];
            for (int i = 0; i < values[r].length; i++) {
                values[r][i] = 1e9 + random.nextGaussian(); // a large offset: the merge must keep the spread
                String category = SEEN[r][i % SEEN[r].length];
                serial.merge(category, Moments.EMPTY.add(values[r][i]), Moments::merge);
                all = all.add(values[r][i]);
            }
        }
        List<Object[]> out = ThreadComm.run(SEEN.length, world -> {
            LocalData data = world.rank() == 0 ? null : local(values[world.rank()], SEEN[world.rank()]);
            StatsResult result = new StatsResult();
            double stddev = CategoryMerge.merge(new DataComm(world), data, result);
            return new Object[] {stddev, result};
        });
        StatsResult master = (StatsResult) out.get(0)[1];
        assertEquals(List.copyOf(serial.keySet()), master.categories, "the sorted union of the names seen");
        for (int g = 0; g < master.categories.size(); g++) {
            Moments want = serial.get(master.categories.get(g));
            assertEquals(want.count(), master.byCategory[g].count());
            assertEquals(want.average(), master.byCategory[g].average(), 1e-6);
            assertEquals(want.stddev(), master.byCategory[g].stddev(), 1e-9 * want.stddev() + 1e-9);
        }
        assertEquals(all.count(), master.total.count());
        for (Object[] rank : out) {
            assertEquals(all.stddev(), (double) rank[0], 1e-9, "every rank gets the total's spread");
            assertEquals(all.count(), ((StatsResult) rank[1]).total.count());
            assertEquals(all.max(), ((StatsResult) rank[1]).total.max());
        }
    }

    private static LocalData local(double[] values, String[] categories) {
        LocalData data = new LocalData(Transform.NONE, new RowFilter(Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, java.util.Set.of(), true), true, List.of());
        for (int i = 0; i < values.length; i++) {
            byte[] name = categories[i % categories.length].getBytes(StandardCharsets.UTF_8);
            data.row(values[i], name, 0, name.length);
        }
        return data;
    }
}
