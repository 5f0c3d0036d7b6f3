package org.mpjhpc.data.mapreduce;

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
        LineRecord record = new LineRecord(path, delimiter, chunk.firstLine());
        long[] records = {0};
        boolean[] bulk = {block != null};
        try (FileChannel file = FileChannel.open(Path.of(path), StandardOpenOption.READ)) {
            LineChunks.read(file, chunk.from(), chunk.to(), READ_BYTES, (buf, n, done) -> {
                TaskRun.beat();
                if (bulk[0] && (bulk[0] = lines(block, buf, n))) {
                    records[0] += count(buf, n);
                } else {
                    records[0] += eachLine(record, buf, n, each);
                }
            });
        }
        return records[0];
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
    private static int count(byte[] buf, int n) {
        int lines = 0;
        for (int i = 0; i < n; i++) {
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
