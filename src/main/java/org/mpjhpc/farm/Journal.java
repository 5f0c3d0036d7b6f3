package org.mpjhpc.farm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import org.mpjhpc.log.Log;

/**
 * The farm master's append-only journal: tasks as they are queued and dispatched, results
 * as they are recorded, resource writes with their versions. The master's thread only
 * copies framed records into a buffer; a writer thread of its own writes them out, so a
 * slow disk never stalls the event loop (unless 64 MB wait unwritten: then the master waits,
 * to keep memory bounded). Each record is framed by its length and a CRC-32 (see
 * {@link JournalCodec}), so a tail torn by a crash is found and cut on replay.
 */
final class Journal implements AutoCloseable {
    /** When the written bytes are forced to the disk. */
    enum Sync {
        /** Every {@code flush_ms}: a crash of the machine loses at most that much. */
        BATCH,
        /** After each write, as soon as records wait (group commit). */
        EVERY,
        /** Never: the operating system decides (a killed job loses nothing, a crashed machine may). */
        NONE,
        /** No journal at all: nothing can be resumed. */
        OFF
    }

    private static final int MAX_PENDING = 64 << 20;
    private static final int WAKE_AT = 1 << 20;

    private final FileChannel channel;
    private final Sync sync;
    private final long flushMs;
    private final Thread writer;
    private final JournalBytes record = new JournalBytes(256);
    private final JournalBytes local = new JournalBytes(1 << 16); // this turn's records, the master's only
    private final CRC32 crc = new CRC32();
    private JournalBytes pending = new JournalBytes(1 << 16);
    private JournalBytes spare = new JournalBytes(1 << 16);
    private boolean closing;
    private volatile IOException failure;
    private volatile long written;
    private long records;

    private Journal(FileChannel channel, Sync sync, long flushMs) {
        this.channel = channel;
        this.sync = sync;
        this.flushMs = flushMs;
        this.writer = channel == null ? null : new Thread(this::writeLoop, "journal-writer");
        if (writer != null) {
            writer.setDaemon(true);
            writer.start();
        }
    }

    /** A journal that records nothing ({@code sync: off}). */
    static Journal off() {
        return new Journal(null, Sync.OFF, 0);
    }

    /**
     * Opens {@code file} for appending from byte {@code keep} on: whatever lies beyond (a
     * torn tail, or an old run when {@code keep} is 0) is cut first.
     */
    static Journal open(Path file, long keep, Sync sync, long flushMs) throws IOException {
        if (sync == Sync.OFF) {
            return off();
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(keep);
        channel.position(keep);
        Journal j = new Journal(channel, sync, flushMs);
        j.written = keep;
        return j;
    }

    boolean enabled() {
        return channel != null;
    }

    /**
     * Appends one record: {@code body} writes its payload (type byte first). Master thread
     * only; the record reaches the writer at the next {@link #handOff}.
     */
    void append(JournalCodec.Body body) {
        if (channel == null || failure != null) {
            return;
        }
        record.reset();
        body.write(record);
        crc.reset();
        crc.update(record.array(), 0, record.size());
        local.putInt(record.size()).putInt((int) crc.getValue()).putBytes(record.array(), 0, record.size());
        records++;
        if (local.size() > WAKE_AT) {
            handOff();
        }
    }

    /** Passes the records appended since the last call to the writer: once per turn of the master's loop. */
    void handOff() {
        if (local.size() == 0) {
            return;
        }
        synchronized (this) {
            while (pending.size() > MAX_PENDING && failure == null) {
                waitQuietly(0);
            }
            pending.putBytes(local.array(), 0, local.size());
            if (sync == Sync.EVERY || pending.size() > WAKE_AT) {
                notifyAll();
            }
        }
        local.reset();
    }

    /** Records appended so far in this run. */
    long records() {
        return records;
    }

    /** Bytes on file (written, maybe not yet forced). */
    long bytes() {
        return written;
    }

    /** The first write error, or null while the journal is sound. */
    IOException failure() {
        return failure;
    }

    private void writeLoop() {
        while (true) {
            JournalBytes batch;
            synchronized (this) {
                if (pending.size() == 0 && !closing) {
                    waitQuietly(sync == Sync.EVERY ? 0 : flushMs);
                }
                if (pending.size() == 0 && closing) {
                    return;
                }
                batch = pending;
                pending = spare;
                spare = batch;
                notifyAll(); // a master waiting for room may go on
            }
            if (!writeOut(batch)) {
                return;
            }
        }
    }

    private boolean writeOut(JournalBytes batch) {
        try {
            ByteBuffer view = batch.view();
            while (view.hasRemaining()) {
                channel.write(view);
            }
            if (sync != Sync.NONE) {
                channel.force(false);
            }
            written += batch.size();
            batch.reset();
            return true;
        } catch (IOException e) {
            failure = e;
            Log.error("the journal cannot be written: " + e.getMessage() + "; it holds what was written before ("
                    + written + " bytes)");
            synchronized (this) {
                notifyAll();
            }
            return false;
        }
    }

    private void waitQuietly(long ms) {
        try {
            wait(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes and forces everything appended, then closes the file. */
    @Override
    public void close() throws IOException {
        if (channel == null) {
            return;
        }
        handOff();
        synchronized (this) {
            closing = true;
            notifyAll();
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (failure == null) {
                channel.force(true);
            }
        } finally {
            channel.close();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
