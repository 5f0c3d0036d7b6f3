package org.mpjhpc.data.mapreduce;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The shuffle's messages: every accepted map task's segment of each partition a worker
 * owns, as (partition, pairs, length, bytes), packed into pieces of at most {@link #PIECE}
 * bytes; a segment never straddles two pieces (a larger one travels alone). MPJ counts a
 * message's bytes in an int, and one worker's share of a 100 MB inverted index is already
 * more than 2 GB.
 */
final class Pieces {
    /** The most bytes of shuffle one message carries. */
    static final int PIECE = 4 << 20;
    private static final int HEAD = 4 + 8 + 4;

    private Pieces() {
    }

    /** What goes to worker {@code w}: the partitions it owns ({@code p % workers == w}). */
    static List<byte[]> pack(Collection<MapOutput> outputs, int w, int workers, int partitions, int cap) {
        List<byte[]> pieces = new ArrayList<>();
        List<Object[]> batch = new ArrayList<>();
        long size = 0;
        for (MapOutput o : outputs) {
            for (int p = w; p < partitions; p += workers) {
                byte[] seg = o.parts()[p];
                if (size > 0 && size + HEAD + seg.length > cap) {
                    pieces.add(piece(batch, size));
                    batch.clear();
                    size = 0;
                }
                batch.add(new Object[] {p, o.partPairs()[p], seg});
                size += HEAD + seg.length;
            }
        }
        if (size > 0) {
            pieces.add(piece(batch, size));
        }
        return pieces;
    }

    private static byte[] piece(List<Object[]> batch, long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("one map task's output for one partition is " + size + " bytes, more than"
                    + " a message can carry: lower chunk_mb or raise reducers");
        }
        ByteBuffer b = ByteBuffer.allocate((int) size);
        for (Object[] s : batch) {
            byte[] seg = (byte[]) s[2];
            b.putInt((int) s[0]).putLong((long) s[1]).putInt(seg.length).put(seg);
        }
        return b.array();
    }

    /** Sorts received pieces into segments by partition (not copied) and sums their pairs; returns the bytes received. */
    static long unpack(List<List<byte[]>> in, Map<Integer, List<Segment>> segments, Map<Integer, Long> pairs) {
        long bytes = 0;
        for (List<byte[]> from : in) {
            for (byte[] piece : from) {
                bytes += piece.length;
                ByteBuffer b = ByteBuffer.wrap(piece);
                while (b.hasRemaining()) {
                    int p = b.getInt();
                    long n = b.getLong();
                    pairs.put(p, pairs.getOrDefault(p, 0L) + n);
                    int len = b.getInt();
                    segments.get(p).add(new Segment(piece, b.position(), b.position() + len));
                    b.position(b.position() + len);
                }
            }
        }
        return bytes;
    }
}
