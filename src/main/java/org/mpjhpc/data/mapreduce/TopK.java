package org.mpjhpc.data.mapreduce;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The K keys with the largest numeric outputs (ties: the smaller key first). */
final class TopK {
    /** A key's text and its output as a number. */
    record Entry(String key, double value) {
    }

    /** Best first: larger value, then smaller key. */
    static final Comparator<Entry> BEST = Comparator.comparingDouble(Entry::value).reversed()
            .thenComparing(Entry::key);
    private final int k;
    private final PriorityQueue<Entry> worstFirst = new PriorityQueue<>(BEST.reversed());

    TopK(int k) {
        this.k = k;
    }

    void offer(String key, double value) {
        if (k == 0 || Double.isNaN(value)) {
            return;
        }
        worstFirst.add(new Entry(key, value));
        if (worstFirst.size() > k) {
            worstFirst.poll();
        }
    }

    /** Best first. */
    List<Entry> entries() {
        List<Entry> out = new ArrayList<>(worstFirst);
        out.sort(BEST);
        return out;
    }

    /** The best K of several lists. */
    static List<Entry> merge(List<List<Entry>> lists, int k) {
        TopK t = new TopK(k);
        for (List<Entry> l : lists) {
            for (Entry e : l) {
                t.offer(e.key(), e.value());
            }
        }
        return t.entries();
    }
}
