package org.mpjhpc.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Splits a text file into byte ranges that workers read on their own, without losing or
 * repeating a line at the edges. The rule: a line belongs to the range in which it
 * starts. A reader of range [start, end) therefore skips the partial line it starts in
 * (unless start is 0 or the byte before start is a newline) and reads every line that
 * starts before end, even if it ends after.
 */
public final class LineRanges {
    private LineRanges() {
    }

    /** The i-th of {@code parts} nearly equal byte ranges of a file of {@code size} bytes. */
    public static long[] range(long size, int parts, int i) {
        long base = size / parts;
        long extra = size % parts;
        long start = i * base + Math.min(i, extra);
        return new long[] {start, start + base + (i < extra ? 1 : 0)};
    }

    /** The offset of the first line that starts in [start, end), or {@code end} when none does. */
    public static long firstLineStart(FileChannel file, long start, long end) throws IOException {
        if (start == 0) {
            return 0;
        }
        ByteBuffer one = ByteBuffer.allocate(8192);
        long pos = start - 1; // a line starts at start exactly when the byte before is a newline
        while (pos < end) {
            one.clear();
            int n = file.read(one, pos);
            if (n <= 0) {
                return end;
            }
            for (int k = 0; k < n; k++) {
                if (one.get(k) == '\n') {
                    return Math.min(pos + k + 1, end);
                }
            }
            pos += n;
        }
        return end;
    }

    /**
     * Calls {@code line} with every line that starts in [start, end) (without its
     * newline; a trailing carriage return is dropped too), with its 1-based line number
     * relative to the range's first line.
     */
    public static void forEach(FileChannel file, long start, long end, LineConsumer line) throws IOException {
        long pos = firstLineStart(file, start, end);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream(256);
        long lineStart = pos;
        long index = 0;
        while (lineStart < end) {
            buf.clear();
            int n = file.read(buf, pos);
            if (n <= 0) {
                if (current.size() > 0) {
                    line.accept(++index, text(current));
                }
                return;
            }
            for (int k = 0; k < n; k++) {
                byte b = buf.get(k);
                if (b == '\n') {
                    line.accept(++index, text(current));
                    current.reset();
                    lineStart = pos + k + 1;
                    if (lineStart >= end) {
                        return;
                    }
                } else {
                    current.write(b);
                }
            }
            pos += n;
        }
    }

    private static String text(java.io.ByteArrayOutputStream bytes) {
        String s = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Receives one line. */
    @FunctionalInterface
    public interface LineConsumer {
        public void accept(long number, String line) throws IOException;
    }
}
