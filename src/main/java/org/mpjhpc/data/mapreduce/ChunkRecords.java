package org.mpjhpc.data.mapreduce;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.mpjhpc.data.LineChunks;
import org.mpjhpc.data.format.CsvHeader;
import org.mpjhpc.mapreduce.InputRecord;

/** A chunk's lines as records, one object refilled for each line (its text decoded only when asked). */
final class ChunkRecords {
    private static final int READ_BYTES = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0a0a0a0a0a0a0a0aL;
    private static final long LOW7 = 0x7f7f7f7f7f7f7f7fL;

    private ChunkRecords() {
    }

    /** What is done with each record. */
    @FunctionalInterface
    interface Each {
        void record(InputRecord record) throws Exception;
    }

    /** Many whole lines at once; false declines them (they go line by line). */
    @FunctionalInterface
    interface Block {
        boolean lines(byte[] b, int from, int to) throws Exception;
    }

    /** Hands every line of the chunk to {@code each}; returns how many there were. */
    static long read(Chunk chunk, String path, char delimiter, Each each) throws Exception {
        return read(chunk, path, delimiter, null, each);
    }

    /**
     * Hands the chunk's lines to {@code block} a read buffer at a time while it takes them,
     * then to {@code each} one by one; returns how many lines there were.
     */
    static long read(Chunk chunk, String path, char delimiter, Block block, Each each) throws Exception {
        Buffers buffers = new Buffers(new LineRecord(path, delimiter, chunk.firstLine()), block, each);
        try (FileChannel file = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
            LineChunks.read(file, chunk.from(), chunk.to(), READ_BYTES, buffers);
        }
        return buffers.records;
    }

    /**
     * What is done with each read buffer. A class, not a lambda: under MPJ's multicore device
     * every rank spins its own class for each lambda, and the JIT's work for it competes
     * with the ranks for the cores.
     */
    private static final class Buffers implements LineChunks.Consumer {
        private final LineRecord record;
        private final Block block;
        private final Each each;
        private boolean bulk;
        long records;

        Buffers(LineRecord record, Block block, Each each) {
            this.record = record;
            this.block = block;
            this.each = each;
            this.bulk = block != null;
        }

        @Override
        public void accept(byte[] buf, int n, long done) {
            TaskRun.beat();
            if (bulk && (bulk = lines(block, buf, n))) {
                records += count(buf, n);
            } else {
                records += eachLine(record, buf, n, each);
            }
        }
    }

    private static boolean lines(Block block, byte[] buf, int n) {
        try {
            return block.lines(buf, 0, n);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MapTask.MapperFailed(e);
        }
    }

    /** The lines in {@code buf[0, n)}: its newlines, and one more if it does not end with one. */
    static int count(byte[] buf, int n) {
        int lines = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) { // eight bytes at a time: a byte-wise loop was 5 % of a word count's map
            long x = (long) LONGS.get(buf, i) ^ NEWLINES;
            long y = (x & LOW7) + LOW7; // exact per byte: high bit set unless the byte is 0
            lines += Long.bitCount(~(y | x | LOW7));
        }
        for (; i < n; i++) {
            lines += buf[i] == '\n' ? 1 : 0;
        }
        return n > 0 && buf[n - 1] != '\n' ? lines + 1 : lines;
    }

    private static int eachLine(LineRecord record, byte[] buf, int n, Each each) {
        int lines = 0;
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                line(record, buf, start, i, each);
                lines++;
                start = i + 1;
            }
        }
        if (start < n) { // the file's last line, without a newline
            line(record, buf, start, n, each);
            lines++;
        }
        return lines;
    }

    private static void line(LineRecord record, byte[] buf, int from, int to, Each each) {
        record.next(buf, from, to > from && buf[to - 1] == '\r' ? to - 1 : to);
        try {
            each.record(record);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new MapTask.MapperFailed(e);
        }
    }

    /** The record the mapper sees, refilled for each line. */
    private static final class LineRecord implements InputRecord {
        private final String file;
        private final char delimiter;
        private final boolean lines;
        private long line;
        private byte[] bytes;
        private int offset;
        private int length;
        private String text;
        private String[] fields;

        LineRecord(String file, char delimiter, long firstLine) {
            this.file = file;
            this.delimiter = delimiter;
            this.line = firstLine < 0 ? 0 : firstLine - 1;
            this.lines = firstLine >= 0;
        }

        void next(byte[] buf, int from, int to) {
            this.bytes = buf;
            this.offset = from;
            this.length = to - from;
            this.text = null;
            this.fields = null;
            line++;
        }

        @Override
        public String text() {
            if (text == null) {
                text = new String(bytes, offset, length, StandardCharsets.UTF_8);
            }
            return text;
        }

        @Override
        public byte[] bytes() {
            return bytes;
        }

        @Override
        public int offset() {
            return offset;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public int fields() {
            return split().length;
        }

        @Override
        public String field(int i) {
            return split()[i];
        }

        private String[] split() {
            if (fields == null) {
                fields = delimiter == 0 ? new String[] {text()} : CsvHeader.split(text(), delimiter).toArray(String[]::new);
            }
            return fields;
        }

        @Override
        public String file() {
            return file;
        }

        @Override
        public long line() {
            return lines ? line : -1;
        }
    }
}
