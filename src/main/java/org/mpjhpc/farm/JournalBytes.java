package org.mpjhpc.farm;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for journal records, written big-endian in the layout
 * {@link java.io.DataInputStream} reads. Unlike {@code DataOutputStream} over a
 * {@code ByteArrayOutputStream}, nothing here locks per byte: the master writes three
 * records per task, and that cost is on its event loop.
 */
final class JournalBytes {
    private byte[] buf;
    private int size;

    JournalBytes(int capacity) {
        buf = new byte[capacity];
    }

    private void room(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    JournalBytes putByte(int v) {
        room(1);
        buf[size++] = (byte) v;
        return this;
    }

    JournalBytes putBoolean(boolean v) {
        return putByte(v ? 1 : 0);
    }

    JournalBytes putInt(int v) {
        room(4);
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    JournalBytes putLong(long v) {
        putInt((int) (v >>> 32));
        return putInt((int) v);
    }

    /** As {@link Wire#writeString}: the UTF-8 length, -1 for null, then the bytes. */
    JournalBytes putString(String s) {
        if (s == null) {
            return putInt(-1);
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        return putBytes(bytes, 0, bytes.length);
    }

    JournalBytes putBytes(byte[] bytes, int from, int length) {
        room(length);
        System.arraycopy(bytes, from, buf, size, length);
        size += length;
        return this;
    }

    int size() {
        return size;
    }

    byte[] array() {
        return buf;
    }

    void reset() {
        size = 0;
    }

    ByteBuffer view() {
        return ByteBuffer.wrap(buf, 0, size);
    }
}
