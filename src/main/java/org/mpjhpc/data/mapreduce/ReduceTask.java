package org.mpjhpc.data.mapreduce;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.mapreduce.AssociativeReducer;
import org.mpjhpc.mapreduce.KeyCodec;
import org.mpjhpc.mapreduce.Reducer;

/**
 * One reduce task: a partition's pairs from every map task grouped by key, the keys in
 * order (natural order when they are {@link Comparable}, else by their bytes), each key's
 * values through the reducer, one {@code key TAB value} line per key. Pure: no MPI.
 */
final class ReduceTask<K, V> {
    private final KeyCodec<K> keyCodec;
    private final KeyCodec<V> valueCodec;
    private final Reducer<K, V> reducer;
    /** The reducer when it is one associative merge: values are merged as they arrive, not listed. */
    private final AssociativeReducer<K, V> merge;
    /** A counting job's partition: text keys' counts, summed here as on the map side. */
    private final boolean counting;

    ReduceTask(KeyCodec<K> keyCodec, KeyCodec<V> valueCodec, Reducer<K, V> reducer) {
        this(keyCodec, valueCodec, reducer, false);
    }

    @SuppressWarnings("unchecked")
    ReduceTask(KeyCodec<K> keyCodec, KeyCodec<V> valueCodec, Reducer<K, V> reducer, boolean counting) {
        this.keyCodec = keyCodec;
        this.valueCodec = valueCodec;
        this.reducer = reducer;
        this.merge = reducer instanceof AssociativeReducer<?, ?> a ? (AssociativeReducer<K, V>) a : null;
        this.counting = counting;
    }

    /**
     * What a reduce task did: the keys written, the pairs read, the sum of the counts read
     * (a counting job's; 0 for others), and the largest numeric outputs.
     */
    record Result(long keys, long pairs, long counts, List<TopK.Entry> top) {
    }

    Result run(List<Segment> segments, OutputStream out, int top) throws Exception {
        if (counting) {
            return counted(segments, out, top);
        }
        return merge != null ? merged(segments, out, top) : grouped(segments, out, top);
    }

    /**
     * A counting job's partition (STRING keys, LONG counts): every key's counts summed in a
     * {@link ByteTable} straight from the shuffled bytes, as the map side sums them (no value
     * made per pair; code the map phase has compiled), each key decoded once, and its total
     * handed to the reducer.
     */
    @SuppressWarnings("unchecked")
    private Result counted(List<Segment> segments, OutputStream out, int top) throws Exception {
        ByteTable sums = new ByteTable();
        long pairs = 0;
        long counts = 0;
        for (Segment segment : segments) {
            TaskRun.beat();
            ByteIn in = segment.reader();
            while (in.hasRemaining()) {
                int length = in.readInt();
                int at = in.position();
                in.skipBytes(length);
                long n = in.readLong();
                sums.add(segment.bytes(), at, length, n);
                counts += n;
                pairs++;
            }
        }
        Total[] totals = new Total[sums.size()];
        for (int e = 0; e < totals.length; e++) {
            totals[e] = new Total(sums.key(e), sums.count(e));
        }
        Arrays.sort(totals);
        Output o = new Output(out, top);
        for (Total t : totals) {
            o.write(t.key, reducer.reduce((K) t.key, List.of((V) Long.valueOf(t.count))));
        }
        return new Result(o.keys, pairs, counts, o.best.entries());
    }

    /** A counting key and its total, in the keys' natural order. */
    private record Total(String key, long count) implements Comparable<Total> {
        @Override
        public int compareTo(Total other) {
            return key.compareTo(other.key);
        }
    }

    /**
     * An associative reducer: one running value per key, merged as the pairs arrive. Pairs
     * are grouped by their keys' bytes in a {@link ByteTable} (the map side's, already
     * compiled): a key is decoded once, not once per pair.
     */
    @SuppressWarnings("unchecked")
    private Result merged(List<Segment> segments, OutputStream out, int top) throws Exception {
        ByteTable byBytes = new ByteTable();
        Object[] sums = new Object[1024];
        long pairs = 0;
        for (Segment segment : segments) {
            TaskRun.beat();
            ByteIn in = segment.reader();
            while (in.hasRemaining()) {
                int k = in.position();
                keyCodec.skip(in);
                int e = byBytes.add(segment.bytes(), k, in.position() - k, 0);
                V value = valueCodec.read(in);
                if (e == sums.length) {
                    sums = Arrays.copyOf(sums, 2 * e);
                }
                sums[e] = sums[e] == null ? value : merge.combine((V) sums[e], value);
                pairs++;
            }
        }
        Map<K, V> byKey = new HashMap<>(2 * byBytes.size());
        byte[] key = new byte[64];
        for (int e = 0; e < byBytes.size(); e++) {
            key = byBytes.keyLength(e) <= key.length ? key : new byte[2 * byBytes.keyLength(e)];
            byBytes.copyKey(e, key, 0);
            K k = keyCodec.read(new ByteIn(key, 0, byBytes.keyLength(e)));
            V before = byKey.put(k, (V) sums[e]);
            if (before != null) { // a codec may write equal keys differently
                byKey.put(k, merge.combine(before, (V) sums[e]));
            }
        }
        Output o = new Output(out, top);
        for (K k : sorted(byKey.keySet())) {
            o.write(k, reducer.reduce(k, List.of(byKey.get(k))));
        }
        return new Result(o.keys, pairs, 0, o.best.entries());
    }

    /**
     * Any reducer: the pairs grouped where they lie ({@link PairIndex}), then each key's
     * values decoded, reduced and dropped before the next key's.
     */
    private Result grouped(List<Segment> segments, OutputStream out, int top) throws Exception {
        PairIndex index = new PairIndex(segments, keyCodec, valueCodec);
        Map<K, List<Integer>> groupsOf = new HashMap<>(); // a codec may write equal keys differently
        for (int g = 0; g < index.groups(); g++) {
            groupsOf.computeIfAbsent(keyCodec.read(index.key(index.first(g))), k -> new ArrayList<>(1)).add(g);
        }
        Output o = new Output(out, top);
        for (K key : sorted(groupsOf.keySet())) {
            int n = 0;
            for (int g : groupsOf.get(key)) {
                n += index.size(g);
            }
            List<V> values = new ArrayList<>(n); // a common word's list: growing it was a quarter of the index's reduce
            for (int g : groupsOf.get(key)) {
                for (int p = index.first(g); p >= 0; p = index.next(p)) {
                    values.add(valueCodec.read(index.value(p)));
                }
            }
            o.write(key, reducer.reduce(key, values));
        }
        return new Result(o.keys, index.pairs(), 0, o.best.entries());
    }

    /** The part file's lines, counted, and the largest numeric outputs. */
    private static final class Output {
        private final OutputStream out;
        private final TopK best;
        private long keys;

        Output(OutputStream out, int top) {
            this.out = out;
            this.best = new TopK(top);
        }

        /** One {@code key TAB value} line, unless the reducer's value is null. */
        void write(Object key, Object value) throws IOException {
            TaskRun.beat();
            if (value == null) {
                return;
            }
            String text = escape(key.toString());
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.write('\t');
            out.write(escape(value.toString()).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            keys++;
            if (value instanceof Number n) {
                best.offer(text, n.doubleValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<K> sorted(java.util.Set<K> keys) throws IOException {
        List<K> order = new ArrayList<>(keys);
        if (allComparable(order)) {
            order.sort(null); // natural order
            return order;
        }
        Map<K, byte[]> bytes = new HashMap<>();
        ByteOut b = new ByteOut(64);
        for (K k : order) {
            b.reset();
            keyCodec.write(k, b);
            bytes.put(k, b.toByteArray());
        }
        order.sort(Comparator.comparing(bytes::get, Arrays::compareUnsigned));
        return order;
    }

    private static boolean allComparable(List<?> keys) {
        for (Object k : keys) {
            if (!(k instanceof Comparable)) {
                return false;
            }
        }
        return true;
    }

    /** A tab or line break inside a key or value would break the TSV: written as \t, \n, \r, and \ as \\. */
    static String escape(String s) {
        if (s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\\') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
