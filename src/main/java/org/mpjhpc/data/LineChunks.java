package org.mpjhpc.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads the whole lines of a file's byte range [start, stop) a chunk at a time: each
 * chunk handed on ends at a line break (the last may end at {@code stop} without one),
 * and a line longer than the chunk makes the chunk grow instead of splitting the line.
 */
public final class LineChunks {
    /** The longest line any reader joins (a row, not a file: a longer one is a mistake). */
    public static final int MAX_LINE = 64 << 20;

    /** Receives a chunk {@code buf[0, length)} of whole lines; {@code done} bytes of the range are read after it. */
    public interface Consumer {
        void accept(byte[] buf, int length, long done) throws IOException;
    }

    /** A line longer than {@link #MAX_LINE} starts at byte {@code start} of the file. */
    public static final class LineTooLong extends IOException {
        public final long start;

        public LineTooLong(long start) {
            super("a line longer than " + (MAX_LINE >> 20) + " MiB starts at byte " + start);
            this.start = start;
        }
    }

    private LineChunks() {
    }

    /** The range [start, stop) holding exactly the lines that start in [from, to); empty when none does. */
    public static long[] lines(FileChannel file, long from, long to) throws IOException {
        long start = LineRanges.firstLineStart(file, from, to);
        long stop = LineRanges.firstLineStart(file, to, file.size());
        // No line starts in [from, to) (one line spans it): the tail of that line up to the
        // next line's start belongs to the range where the line starts, not to this one.
        return start < to ? new long[] {start, stop} : new long[] {stop, stop};
    }

    public static void read(FileChannel file, long start, long stop, int chunk, Consumer consumer) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(chunk);
        long pos = start;
        while (pos < stop) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), stop - pos));
            while (buf.hasRemaining() && file.read(buf, pos + buf.position()) > 0) {
                // a positional read may return less than asked: go on where it stopped
            }
            int n = buf.position();
            if (n <= 0) {
                return;
            }
            int cut = pos + n < stop ? lastNewline(buf.array(), n) : n;
            if (cut < 0) { // a line longer than the chunk
                if (buf.capacity() >= MAX_LINE) {
                    throw new LineTooLong(pos);
                }
                buf = ByteBuffer.allocate(Math.min(buf.capacity() * 2, MAX_LINE));
                continue;
            }
            pos += cut;
            consumer.accept(buf.array(), cut, pos - start);
        }
    }

    /** Index after the last newline in b[0, n), or -1 when there is none. */
    public static int lastNewline(byte[] b, int n) {
        for (int i = n - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return -1;
    }
}
