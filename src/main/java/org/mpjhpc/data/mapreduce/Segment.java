package org.mpjhpc.data.mapreduce;

/**
 * One map task's pairs of one partition, as they lie in a received shuffle piece:
 * {@code bytes[from, to)}. Not copied out of the piece: a 100 MB inverted index moves
 * gigabytes, and a copy would hold them twice.
 */
record Segment(byte[] bytes, int from, int to) {
    /** A whole array. */
    static Segment of(byte[] bytes) {
        return new Segment(bytes, 0, bytes.length);
    }

    ByteIn reader() {
        return new ByteIn(bytes, from, to);
    }
}
