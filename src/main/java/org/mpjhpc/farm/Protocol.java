package org.mpjhpc.farm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master/worker protocol in one place. Each message has its encoder and its decoder
 * side by side:
 *
 * <pre>
 *  master sends             worker serves
 *  TASKS (tasks)         -> queues each on its executor; RESULTS follow
 *  STEAL (empty)         -> gives back the last task still queued: STOLEN (id or -1)
 *  ACTIVATE (empty)      -> builds its executor, answers READY (elastic add)
 *  DEACTIVATE (empty)    -> kills its executor and drops its queue (elastic stop)
 *  RESTART (empty)       -> rebuilds its executor, answers READY (after a failure)
 *  FAULT (kind, ms)      -> kills its executor or hangs its own thread (fault injection)
 *  GRANT (lock)          -> hands the value (or its replica's) to the waiting task
 *  PHASE (empty)         -> answers JOINED, joins the Bcast of the resource table, replaces
 *                           its replicas
 *  STOP (empty)          -> flushes its last RESULTS, then answers BYE
 *
 *  worker sends             master serves
 *  RESULTS (outcomes)    -> records each task's first outcome, frees the matching slot
 *  HEARTBEAT (counts)    -> marks the worker alive (sent only while its executor lives)
 *  READY (empty)         -> the worker takes work again with its capacity
 *  STOLEN (id)           -> moves the given-back task to the idle thief
 *  LOCK (request)        -> queues it on the resource's reader-writer lock; GRANT when free
 *  RELEASE (name, value) -> frees the lock, stores a written value as a new version
 *  JOINED (empty)        -> the worker waits in the phase's Bcast; once all have said so,
 *                           the master starts it
 *  BYE (empty)           -> the worker's last message; no more will come from it
 * </pre>
 *
 * A send on MPJ's shared-memory device completes only when the master receives it, and the
 * master receives nothing while it is in a collective. So the master starts a collective
 * only after every worker has said that it sends nothing more before it (JOINED, BYE):
 * a heartbeat sent into the master's Bcast would wait forever, and the Bcast with it.
 *
 * Messages from one rank to another are not overtaken (MPI ordering), so a BYE really is
 * the last word. The encoding is a plain binary layout; MPJ's object serialisation would
 * cost more than the tasks themselves for small tasks.
 */
final class Protocol {
    static final byte[] EMPTY = new byte[0];

    private Protocol() {
    }

    // ---- TASKS: master -> worker -------------------------------------------------

    static byte[] tasks(List<TaskSpec> tasks) {
        return write(out -> {
            out.writeInt(tasks.size());
            for (TaskSpec t : tasks) {
                out.writeInt(t.id());
                out.writeInt(t.attempt());
                writeKind(out, t.kind());
            }
        });
    }

    static List<TaskSpec> readTasks(byte[] data) {
        return read(data, in -> {
            int n = in.readInt();
            List<TaskSpec> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                tasks.add(new TaskSpec(in.readInt(), in.readInt(), readKind(in)));
            }
            return tasks;
        });
    }

    // ---- RESULTS: worker -> master -----------------------------------------------

    static byte[] results(List<Outcome> outcomes) {
        return write(out -> {
            out.writeInt(outcomes.size());
            for (Outcome o : outcomes) {
                out.writeInt(o.taskId());
                out.writeInt(o.attempt());
                out.writeInt(o.worker());
                out.writeBoolean(o.ok());
                writeString(out, o.result());
                writeString(out, o.error());
                out.writeLong(o.startMs());
                out.writeLong(o.endMs());
            }
        });
    }

    static List<Outcome> readResults(byte[] data) {
        return read(data, in -> {
            int n = in.readInt();
            List<Outcome> outcomes = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                outcomes.add(new Outcome(in.readInt(), in.readInt(), in.readInt(), in.readBoolean(),
                        readString(in), readString(in), in.readLong(), in.readLong()));
            }
            return outcomes;
        });
    }

    // ---- HEARTBEAT: worker -> master ---------------------------------------------

    static byte[] heartbeat(Heartbeat h) {
        return write(out -> {
            out.writeLong(h.completed());
            out.writeLong(h.failed());
            out.writeLong(h.busyNanos());
            out.writeInt(h.running());
        });
    }

    static Heartbeat readHeartbeat(byte[] data) {
        return read(data, in -> new Heartbeat(in.readLong(), in.readLong(), in.readLong(), in.readInt()));
    }

    // ---- STEAL/STOLEN and FAULT ----------------------------------------------------

    static byte[] taskId(int id) {
        return write(out -> out.writeInt(id));
    }

    static int readTaskId(byte[] data) {
        return read(data, DataInputStream::readInt);
    }

    static byte[] fault(Action.Fault f) {
        return write(out -> {
            out.writeInt(f.worker());
            out.writeUTF(f.kind());
            out.writeLong(f.ms());
        });
    }

    static Action.Fault readFault(byte[] data) {
        return read(data, in -> new Action.Fault(in.readInt(), in.readUTF(), in.readLong()));
    }

    // ---- LOCK, GRANT, RELEASE and the resource table ------------------------------

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    record Lock(long requestId, String name, ResourceTable.Mode mode, long replicaVersion) {
    }

    record Release(String name, ResourceTable.Mode mode, Object value) {
    }

    static byte[] lock(Lock l) {
        return write(out -> {
            out.writeLong(l.requestId());
            writeString(out, l.name());
            out.writeByte(l.mode().ordinal());
            out.writeLong(l.replicaVersion());
        });
    }

    static Lock readLock(byte[] data) {
        return read(data, in -> new Lock(in.readLong(), readString(in), ResourceTable.Mode.values()[in.readByte()],
                in.readLong()));
    }

    static byte[] grant(ResourceTable.Grant g) {
        return write(out -> {
            out.writeLong(g.requestId());
            writeString(out, g.name());
            writeString(out, g.error());
            if (g.error() == null) {
                out.writeLong(g.version());
                writeString(out, g.type().name());
                out.writeBoolean(g.withValue());
                if (g.withValue()) {
                    writeString(out, json(g.value()));
                }
            }
        });
    }

    static ResourceTable.Grant readGrant(byte[] data) {
        return read(data, in -> {
            long id = in.readLong();
            String name = readString(in);
            String error = readString(in);
            if (error != null) {
                return new ResourceTable.Grant(-1, id, name, null, 0, null, false, error);
            }
            long version = in.readLong();
            ResourceType type = ResourceType.valueOf(readString(in));
            boolean withValue = in.readBoolean();
            Object value = withValue ? type.coerce(value(readString(in))) : null;
            return new ResourceTable.Grant(-1, id, name, type, version, value, withValue, null);
        });
    }

    static byte[] release(Release r) {
        return write(out -> {
            writeString(out, r.name());
            out.writeByte(r.mode().ordinal());
            writeString(out, r.value() == null ? null : json(r.value()));
        });
    }

    static Release readRelease(byte[] data) {
        return read(data, in -> {
            String name = readString(in);
            ResourceTable.Mode mode = ResourceTable.Mode.values()[in.readByte()];
            String json = readString(in);
            return new Release(name, mode, json == null ? null : value(json));
        });
    }

    /** The resource table, as broadcast at job start and at each phase boundary. */
    static byte[] table(Map<String, Replicas.Entry> table) {
        return write(out -> {
            out.writeInt(table.size());
            for (Map.Entry<String, Replicas.Entry> e : table.entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue().type().name());
                out.writeLong(e.getValue().version());
                writeString(out, json(e.getValue().value()));
            }
        });
    }

    static Map<String, Replicas.Entry> readTable(byte[] data) {
        return read(data, in -> {
            int n = in.readInt();
            Map<String, Replicas.Entry> table = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = readString(in);
                ResourceType type = ResourceType.valueOf(readString(in));
                long version = in.readLong();
                table.put(name, new Replicas.Entry(type, version, type.coerce(value(readString(in)))));
            }
            return table;
        });
    }

    private static String json(Object value) throws IOException {
        return JSON.writeValueAsString(value);
    }

    private static Object value(String json) throws IOException {
        return JSON.readValue(json, Object.class);
    }

    // ---- task kinds ----------------------------------------------------------------

    private static void writeKind(DataOutputStream out, TaskKind kind) throws IOException {
        out.writeUTF(kind.type());
        if (kind instanceof TaskKind.Fib f) {
            out.writeInt(f.n());
        } else if (kind instanceof TaskKind.Sleep s) {
            out.writeLong(s.ms());
        } else if (kind instanceof TaskKind.Spin s) {
            out.writeLong(s.ms());
        } else if (kind instanceof TaskKind.Cpu c) {
            out.writeLong(c.ms());
        } else if (kind instanceof TaskKind.Shell s) {
            writeString(out, s.command());
            out.writeLong(s.timeoutMs());
        } else if (kind instanceof TaskKind.Java j) {
            writeString(out, j.className());
            out.writeInt(j.args().size());
            for (Map.Entry<String, String> e : j.args().entrySet()) {
                writeString(out, e.getKey());
                writeString(out, e.getValue());
            }
        } else if (!(kind instanceof TaskKind.Noop)) {
            // Its name alone would reach the worker as a corrupt message: refuse it here.
            throw new IllegalArgumentException("no wire encoding for task type '" + kind.type() + "'");
        }
    }

    private static TaskKind readKind(DataInputStream in) throws IOException {
        String type = in.readUTF();
        return switch (type) {
            case "fib" -> new TaskKind.Fib(in.readInt());
            case "sleep" -> new TaskKind.Sleep(in.readLong());
            case "spin" -> new TaskKind.Spin(in.readLong());
            case "cpu" -> new TaskKind.Cpu(in.readLong());
            case "shell" -> new TaskKind.Shell(readString(in), in.readLong());
            case "java" -> {
                String className = readString(in);
                int n = in.readInt();
                Map<String, String> args = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    args.put(readString(in), readString(in));
                }
                yield new TaskKind.Java(className, args);
            }
            case "noop" -> new TaskKind.Noop();
            default -> throw new IOException("unknown task type on the wire: " + type);
        };
    }

    // ---- plumbing ------------------------------------------------------------------

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> T read(byte[] data, Reader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt protocol message", e);
        }
    }
}
