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

    /** Best first: larger value, then smaller key. Written out: a composed comparator cost a reduce task tens of ms before the JIT. */
    static final Comparator<Entry> BEST = new Order(false);
    private final int k;
    private final PriorityQueue<Entry> worstFirst = new PriorityQueue<>(new Order(true));

    TopK(int k) {
        this.k = k;
    }

    void offer(String key, double value) {
        if (k == 0 || Double.isNaN(value)) {
            return;
        }
        if (worstFirst.size() == k && better(worstFirst.peek(), value, key)) {
            return; // most keys: no entry made
        }
        worstFirst.add(new Entry(key, value));
        if (worstFirst.size() > k) {
            worstFirst.poll();
        }
    }

    /** Best first, or worst first (classes, not lambdas: see {@code ChunkRecords.Buffers}). */
    private record Order(boolean worstFirst) implements Comparator<Entry> {
        @Override
        public int compare(Entry a, Entry b) {
            return worstFirst ? TopK.compare(b, a) : TopK.compare(a, b);
        }
    }

    private static int compare(Entry a, Entry b) {
        int byValue = Double.compare(b.value(), a.value());
        return byValue != 0 ? byValue : a.key().compareTo(b.key());
    }

    /** Whether {@code e} comes before (value, key), best first. */
    private static boolean better(Entry e, double value, String key) {
        int byValue = Double.compare(value, e.value());
        return byValue != 0 ? byValue < 0 : e.key().compareTo(key) < 0;
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
