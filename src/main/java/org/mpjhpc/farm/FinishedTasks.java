package org.mpjhpc.farm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.mpjhpc.output.TempFiles;

/**
 * Finished tasks' records, kept in a file rather than on the master's heap, so a run of
 * millions of tasks needs memory only for what is queued or running. Records are appended
 * as tasks finish (in any order) and read back in id order for the report through an index
 * built once at the end (a memory-mapped file of one offset per task, outside the heap).
 */
final class FinishedTasks implements AutoCloseable {
    private static final int WINDOW = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
    private IOException failure;
    private byte[] tail = new byte[0];
    private long tailAt = -1;
    private String lastType;
    private byte[] lastTypeBytes;

    private FinishedTasks(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    /** A new spill file in {@code dir} (the job's output folder; removed by {@link #close}). */
    static FinishedTasks in(Path dir) {
        try (var stale = Files.newDirectoryStream(dir, ".tasks-*.{spill,index}")) {
            for (Path old : stale) { // left by a run that was killed
                Files.deleteIfExists(old);
            }
            Path file = TempFiles.create(dir, ".tasks-", ".spill");
            file.toFile().deleteOnExit();
            return new FinishedTasks(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep finished tasks in " + dir, e);
        }
    }

    /** A new spill file in a temporary folder of its own (a book without an output folder). */
    static FinishedTasks inNewFolder() {
        try {
            Path dir = Files.createTempDirectory("mpjhpc-tasks");
            dir.toFile().deleteOnExit();
            return in(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a folder for finished tasks", e);
        }
    }

    /**
     * Appends a finished task's record: its length, then its fields. False once the file
     * cannot be written (a full disk): the caller keeps the record in memory.
     */
    boolean add(TaskBook.Entry e) {
        if (failure != null) {
            return false;
        }
        if (e.type() != lastType) { // a few task types, many tasks: encode each type once in a row
            lastType = e.type();
            lastTypeBytes = bytes(lastType);
        }
        byte[] type = lastTypeBytes;
        byte[] result = bytes(e.result);
        byte[] error = bytes(e.error);
        int length = 4 + text(type) + 1 + 4 + 4 + text(result) + text(error) + 8 + 8;
        if (buffer.remaining() < 4 + length) {
            try {
                drain(4 + length);
            } catch (UncheckedIOException x) {
                failure = x.getCause();
                return false;
            }
        }
        buffer.putInt(length).putInt(e.id);
        put(type);
        buffer.put((byte) e.status.ordinal()).putInt(e.worker).putInt(e.attempts);
        put(result);
        put(error);
        buffer.putLong(e.startMs).putLong(e.endMs);
        return true;
    }

    /** Why the file could not be written, or null. */
    IOException failure() {
        return failure;
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static int text(byte[] b) {
        return 4 + (b == null ? 0 : b.length);
    }

    private void put(byte[] b) {
        buffer.putInt(b == null ? -1 : b.length);
        if (b != null) {
            buffer.put(b);
        }
    }

    /** Writes the buffer out; makes it large enough for a record of {@code need} bytes. */
    private void drain(int need) {
        try {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
            if (buffer.capacity() < need) {
                buffer = ByteBuffer.allocate(need);
            }
        } catch (IOException x) {
            // What did not reach the file stays here, after it: no finished record is lost.
            tail = new byte[buffer.remaining()];
            buffer.get(tail);
            try {
                tailAt = channel.position();
            } catch (IOException y) {
                x.addSuppressed(y);
            }
            throw new UncheckedIOException("cannot write the finished tasks' file " + file, x);
        }
    }

    /**
     * Every task from 0 to {@code size - 1} in id order: finished ones from the file, the
     * others from {@code open}.
     */
    void forEach(int size, IntFunction<TaskBook.Entry> open, Consumer<TaskBook.Entry> each) throws IOException {
        if (failure == null) {
            drain(0);
        }
        Path indexFile = TempFiles.create(file.getParent(), ".tasks-", ".index");
        try (FileChannel data = FileChannel.open(file, StandardOpenOption.READ);
                FileChannel index = FileChannel.open(indexFile, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            allocate(index, 8L * size);
            LongBuffer offsets = size == 0 ? LongBuffer.allocate(0)
                    : index.map(FileChannel.MapMode.READ_WRITE, 0, 8L * size).asLongBuffer();
            long fileBytes = tailAt < 0 ? data.size() : tailAt;
            Reader reader = new Reader(data, fileBytes, tail);
            for (long at = 0; at < fileBytes + tail.length;) {
                TaskBook.Entry e = reader.at(at);
                offsets.put(e.id, at + 1); // 0: not in the file
                at = reader.next;
            }
            for (int id = 0; id < size; id++) {
                long at = offsets.get(id);
                each.accept(at == 0 ? open.apply(id) : reader.at(at - 1));
            }
        } finally {
            Files.deleteIfExists(indexFile);
        }
    }

    /**
     * Writes the index file's bytes for real before it is mapped: a mapped page the disk has
     * no room for kills the JVM (SIGBUS) when touched; a write fails with an IOException.
     */
    private static void allocate(FileChannel index, long bytes) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
        for (long at = 0; at < bytes; at += zeros.capacity()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
            while (zeros.hasRemaining()) {
                index.write(zeros, at + zeros.position());
            }
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads records through a window of the file: tasks finish in nearly id order, so most reads hit it. */
    private static final class Reader {
        private final FileChannel data;
        private final long fileBytes;
        private final byte[] tail;
        private final ByteBuffer window = ByteBuffer.allocateDirect(WINDOW);
        private long windowAt = -1;
        long next;

        /** @param tail the records after the file's first {@code fileBytes}, kept in memory (a full disk) */
        Reader(FileChannel data, long fileBytes, byte[] tail) {
            this.data = data;
            this.fileBytes = fileBytes;
            this.tail = tail;
        }

        TaskBook.Entry at(long at) throws IOException {
            ByteBuffer b = record(at, length(at));
            TaskBook.Entry e = new TaskBook.Entry(b.getInt(), null, text(b));
            e.status = TaskBook.Status.values()[b.get()];
            e.worker = b.getInt();
            e.attempts = b.getInt();
            e.result = text(b);
            e.error = text(b);
            e.startMs = b.getLong();
            e.endMs = b.getLong();
            return e;
        }

        private int length(long at) throws IOException {
            cover(at, 4);
            return window.getInt((int) (at - windowAt));
        }

        /** The record's fields, from the window or, for one larger than it, read alone. */
        private ByteBuffer record(long at, int length) throws IOException {
            next = at + 4 + length;
            if (4 + length > WINDOW) {
                ByteBuffer alone = ByteBuffer.allocate(length);
                fill(alone, at + 4);
                return alone.flip();
            }
            cover(at, 4 + length);
            return window.duplicate().position((int) (at - windowAt) + 4).limit((int) (at - windowAt) + 4 + length);
        }

        private void cover(long at, int bytes) throws IOException {
            if (windowAt < 0 || at < windowAt || at + bytes > windowAt + window.limit()) {
                window.clear();
                fill(window, at);
                window.flip();
                windowAt = at;
            }
        }

        private void fill(ByteBuffer into, long at) throws IOException {
            int start = into.position();
            while (into.hasRemaining() && at + into.position() - start < fileBytes) {
                into.limit((int) Math.min(into.capacity(), start + fileBytes - at));
                if (data.read(into, at + into.position() - start) <= 0) {
                    break;
                }
            }
            into.limit(into.capacity());
            long from = at + into.position() - start - fileBytes; // where the tail part begins
            if (from >= 0 && from < tail.length && into.hasRemaining()) {
                into.put(tail, (int) from, (int) Math.min(into.remaining(), tail.length - from));
            }
        }

        private static String text(ByteBuffer b) {
            int length = b.getInt();
            if (length < 0) {
                return null;
            }
            byte[] bytes = new byte[length];
            b.get(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
