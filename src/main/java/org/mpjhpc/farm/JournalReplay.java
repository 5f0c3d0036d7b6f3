package org.mpjhpc.farm;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * What a journal holds, read back: every queued task with its attempts and its recorded
 * result if any, the resources' last written values, and where the timeline had got to.
 * Reading stops at the first record that is cut short or fails its CRC: a crash tore it,
 * and it and whatever follows are left out ({@link #validBytes} says where to cut).
 */
final class JournalReplay implements JournalCodec.Visitor {
    /** One task as the journal knows it. */
    static final class Task {
        final int id;
        final TaskKind kind;
        final int maxAttempts;
        final long timeoutMs;
        int attempts;
        Outcome outcome;

        Task(int id, TaskKind kind, int maxAttempts, long timeoutMs) {
            this.id = id;
            this.kind = kind;
            this.maxAttempts = maxAttempts;
            this.timeoutMs = timeoutMs;
        }
    }

    private List<String> config;
    private final List<Task> tasks = new ArrayList<>();
    private final Map<String, Replicas.Entry> resources = new LinkedHashMap<>();
    private int request;
    private int repeat;
    private boolean ended;
    private long validBytes;
    private long cutBytes;
    private long results;

    private JournalReplay() {
    }

    /** Reads {@code file}; a damaged record ends the reading (see the class comment). */
    static JournalReplay read(Path file) throws IOException {
        JournalReplay r = new JournalReplay();
        long size = Files.size(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            r.validBytes = readRecords(new DataInputStream(raw), r);
        }
        r.cutBytes = size - r.validBytes;
        return r;
    }

    /** Reads framed records into {@code v}; returns the bytes up to the end of the last sound one. */
    static long readRecords(DataInputStream in, JournalCodec.Visitor v) throws IOException {
        long valid = 0;
        CRC32 crc = new CRC32();
        while (true) {
            byte[] payload;
            int expected;
            try {
                int length = in.readInt();
                expected = in.readInt();
                if (length < 1 || length > JournalCodec.MAX_PAYLOAD) {
                    return valid;
                }
                payload = new byte[length];
                in.readFully(payload);
            } catch (EOFException e) {
                return valid;
            }
            crc.reset();
            crc.update(payload);
            if ((int) crc.getValue() != expected) {
                return valid;
            }
            try {
                JournalCodec.decode(new DataInputStream(new ByteArrayInputStream(payload)), v);
            } catch (IOException | RuntimeException e) {
                return valid; // a sound CRC over a payload this version cannot read: stop, never misread
            }
            valid += 8 + payload.length;
        }
    }

    @Override
    public void header(List<String> configLines) {
        if (config == null) {
            config = configLines;
        }
    }

    @Override
    public void queued(int id, int maxAttempts, int request, int repeat, long timeoutMs, TaskKind kind) {
        if (id != tasks.size()) {
            throw new IllegalStateException("journal task ids are not dense: " + id + " after " + tasks.size());
        }
        tasks.add(new Task(id, kind, maxAttempts, timeoutMs));
        if (request >= 0) {
            passed(request, repeat);
        }
    }

    @Override
    public void dispatched(int id, int attempt) {
        Task t = tasks.get(id);
        t.attempts = Math.max(t.attempts, attempt);
    }

    @Override
    public void result(int id, int attempts, Outcome outcome) {
        Task t = tasks.get(id);
        if (t.outcome == null) {
            results++;
        }
        t.attempts = Math.max(t.attempts, attempts);
        t.outcome = outcome;
    }

    @Override
    public void resource(String name, Replicas.Entry value) {
        resources.put(name, value);
    }

    @Override
    public void action(int request, int repeat) {
        passed(request, repeat);
    }

    @Override
    public void end() {
        ended = true;
    }

    private void passed(int req, int rep) {
        if (req > request || (req == request && rep >= repeat)) {
            request = req;
            repeat = rep + 1;
        }
    }

    /** The config lines of the journal's header, or null when it has none (empty or torn at once). */
    List<String> config() {
        return config;
    }

    List<Task> tasks() {
        return tasks;
    }

    Map<String, Replicas.Entry> resources() {
        return resources;
    }

    /** The timeline position to go on from: request index and repeat within it. */
    int request() {
        return request;
    }

    int repeat() {
        return repeat;
    }

    /** True when the journaled run ended and wrote its report. */
    boolean ended() {
        return ended;
    }

    long results() {
        return results;
    }

    long validBytes() {
        return validBytes;
    }

    /** Bytes after the last sound record: a torn tail. */
    long cutBytes() {
        return cutBytes;
    }
}
