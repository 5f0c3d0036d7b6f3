package org.mpjhpc.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A hash table from byte strings to counts, open addressing with linear probing. Keys
 * live back to back in one byte arena, so counting a word makes no object: this is the
 * word count's combiner and the category dictionary. Entries keep their insertion order,
 * so an entry's index is a stable code.
 */
final class ByteTable {
    private byte[] arena = new byte[1 << 16];
    private int used;
    private int[] offset = new int[1024];
    private int[] length = new int[1024];
    private int[] hashes = new int[1024];
    private long[] counts = new long[1024];
    private int size;
    private int[] slots = newSlots(2048);

    private static int[] newSlots(int n) {
        int[] s = new int[n];
        Arrays.fill(s, -1);
        return s;
    }

    /** The hash every rank uses for a key: the same bytes give the same hash everywhere. */
    static int hash(byte[] b, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off; i < off + len; i++) {
            h = (h ^ (b[i] & 0xff)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }

    /** Adds {@code delta} to the key's count, inserting it if new; returns the key's index. */
    int add(byte[] b, int off, int len, long delta) {
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s];
            if (e < 0) {
                e = insert(b, off, len, h);
                slots[s] = e;
                counts[e] += delta;
                if (size * 2 > slots.length) {
                    rehash();
                }
                return e;
            }
            if (hashes[e] == h && equal(e, b, off, len)) {
                counts[e] += delta;
                return e;
            }
        }
    }

    private boolean equal(int e, byte[] b, int off, int len) {
        return length[e] == len && Arrays.equals(arena, offset[e], offset[e] + len, b, off, off + len);
    }

    private int insert(byte[] b, int off, int len, int h) {
        if (used + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + len));
        }
        System.arraycopy(b, off, arena, used, len);
        if (size == offset.length) {
            int n = size * 2;
            offset = Arrays.copyOf(offset, n);
            length = Arrays.copyOf(length, n);
            hashes = Arrays.copyOf(hashes, n);
            counts = Arrays.copyOf(counts, n);
        }
        offset[size] = used;
        length[size] = len;
        hashes[size] = h;
        used += len;
        return size++;
    }

    private void rehash() {
        slots = newSlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int e = 0; e < size; e++) {
            int s = hashes[e] & mask;
            while (slots[s] >= 0) {
                s = (s + 1) & mask;
            }
            slots[s] = e;
        }
    }

    int size() {
        return size;
    }

    long count(int e) {
        return counts[e];
    }

    int hash(int e) {
        return hashes[e];
    }

    String key(int e) {
        return new String(arena, offset[e], length[e], StandardCharsets.UTF_8);
    }

    int keyLength(int e) {
        return length[e];
    }

    /** Copies key {@code e} into {@code out} at {@code at}. */
    void copyKey(int e, byte[] out, int at) {
        System.arraycopy(arena, offset[e], out, at, length[e]);
    }

    /** Sum of all counts. */
    long total() {
        long t = 0;
        for (int e = 0; e < size; e++) {
            t += counts[e];
        }
        return t;
    }
}
