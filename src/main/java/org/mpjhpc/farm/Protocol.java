package org.mpjhpc.farm;

import java.io.DataInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mpjhpc.farm.Wire.json;
import static org.mpjhpc.farm.Wire.read;
import static org.mpjhpc.farm.Wire.readKind;
import static org.mpjhpc.farm.Wire.readString;
import static org.mpjhpc.farm.Wire.value;
import static org.mpjhpc.farm.Wire.write;
import static org.mpjhpc.farm.Wire.writeKind;
import static org.mpjhpc.farm.Wire.writeString;

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
                out.writeLong(t.timeoutMs());
                writeKind(out, t.kind());
            }
        });
    }

    static List<TaskSpec> readTasks(byte[] data) {
        return read(data, in -> {
            int n = in.readInt();
            List<TaskSpec> tasks = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int id = in.readInt();
                int attempt = in.readInt();
                long timeoutMs = in.readLong();
                tasks.add(new TaskSpec(id, attempt, readKind(in), timeoutMs));
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
}
