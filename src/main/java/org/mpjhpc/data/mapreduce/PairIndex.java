package org.mpjhpc.data.mapreduce;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.mpjhpc.data.ByteTable;
import org.mpjhpc.mapreduce.KeyCodec;

/**
 * Where a partition's pairs lie in the shuffled bytes, grouped by their keys' bytes, with
 * no key or value object kept: a reduce task then decodes one key's values at a time. (Held
 * as objects, the 16.9 million values of a 100 MB inverted index took gigabytes of heap and
 * seconds of garbage collection.) Pairs of a group stay in the order they came.
 */
final class PairIndex {
    private int pairs;
    private int[] segment = new int[1024];
    private int[] keyAt = new int[1024];
    private int[] valueAt = new int[1024];
    private int[] valueEnd = new int[1024];
    private int[] next = new int[1024];
    private int groups;
    private int[] first = new int[256];
    private int[] last = new int[256];
    private int[] size = new int[256];
    /** Each group's key hash: a probe compares it before the key's bytes, and a rehash reuses it. */
    private int[] hashOf = new int[256];
    private int[] table = new int[512];
    private final List<Segment> segments;
    /** The pairs' key hashes in order, when the caller has them (a map task took them to partition), else null. */
    private final int[] keyHashes;

    /** Passes over every pair once (each codec finds where its value ends) and groups them. */
    PairIndex(List<Segment> segments, KeyCodec<?> keys, KeyCodec<?> values) throws IOException {
        this(segments, keys, values, null);
    }

    /** As above, with each pair's {@link ByteTable#hash} of its key bytes already taken, in order. */
    PairIndex(List<Segment> segments, KeyCodec<?> keys, KeyCodec<?> values, int[] keyHashes) throws IOException {
        this.segments = segments;
        this.keyHashes = keyHashes;
        Arrays.fill(table, -1);
        for (int s = 0; s < segments.size(); s++) {
            TaskRun.beat();
            ByteIn in = segments.get(s).reader();
            while (in.hasRemaining()) {
                int k = in.position();
                keys.skip(in);
                int v = in.position();
                values.skip(in);
                add(s, k, v, in.position());
            }
        }
    }

    int pairs() {
        return pairs;
    }

    int groups() {
        return groups;
    }

    /** The first pair of group g; then {@link #next} until -1. */
    int first(int g) {
        return first[g];
    }

    /** How many pairs group g holds. */
    int size(int g) {
        return size[g];
    }

    int next(int pair) {
        return next[pair];
    }

    /** A reader of the pair's key. */
    ByteIn key(int pair) {
        return new ByteIn(segments.get(segment[pair]).bytes(), keyAt[pair], valueAt[pair]);
    }

    /** Appends the pair's bytes, key and value, as they lie. */
    void copy(int pair, ByteOut out) {
        out.write(segments.get(segment[pair]).bytes(), keyAt[pair], valueEnd[pair] - keyAt[pair]);
    }

    /** A reader of the pair's value. */
    ByteIn value(int pair) {
        return new ByteIn(segments.get(segment[pair]).bytes(), valueAt[pair], valueEnd[pair]);
    }

    private void add(int s, int k, int v, int end) {
        if (pairs == segment.length) {
            int n = pairs * 2;
            segment = Arrays.copyOf(segment, n);
            keyAt = Arrays.copyOf(keyAt, n);
            valueAt = Arrays.copyOf(valueAt, n);
            valueEnd = Arrays.copyOf(valueEnd, n);
            next = Arrays.copyOf(next, n);
        }
        int p = pairs++;
        segment[p] = s;
        keyAt[p] = k;
        valueAt[p] = v;
        valueEnd[p] = end;
        next[p] = -1;
        byte[] b = segments.get(s).bytes();
        int h = keyHashes != null ? keyHashes[p] : ByteTable.hash(b, k, v - k);
        int g = group(b, k, v, h);
        if (g < 0) {
            g = newGroup(p, h);
        } else {
            next[last[g]] = p;
            last[g] = p;
        }
        size[g]++;
    }

    /** The group whose key is {@code b[k, v)} (hash h), or -1. */
    private int group(byte[] b, int k, int v, int h) {
        for (int i = h & (table.length - 1); table[i] >= 0; i = (i + 1) & (table.length - 1)) {
            int g = table[i];
            if (hashOf[g] != h) {
                continue;
            }
            int q = first[g];
            if (Arrays.equals(b, k, v, segments.get(segment[q]).bytes(), keyAt[q], valueAt[q])) {
                return g;
            }
        }
        return -1;
    }

    private int newGroup(int p, int h) {
        if (groups == first.length) {
            first = Arrays.copyOf(first, groups * 2);
            last = Arrays.copyOf(last, groups * 2);
            size = Arrays.copyOf(size, groups * 2);
            hashOf = Arrays.copyOf(hashOf, groups * 2);
        }
        int g = groups++;
        first[g] = p;
        last[g] = p;
        hashOf[g] = h;
        if (groups * 2 > table.length) {
            rehash();
        } else {
            place(g);
        }
        return g;
    }

    private void rehash() {
        table = new int[table.length * 2];
        Arrays.fill(table, -1);
        for (int g = 0; g < groups; g++) {
            place(g);
        }
    }

    private void place(int g) {
        int i = hashOf[g] & (table.length - 1);
        while (table[i] >= 0) {
            i = (i + 1) & (table.length - 1);
        }
        table[i] = g;
    }
}
