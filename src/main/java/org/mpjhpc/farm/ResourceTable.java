package org.mpjhpc.farm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The shared resources, held by the master, each under a reader-writer lock: many readers
 * or one writer, granted first come first served (a waiting writer is not overtaken by
 * later readers, so writers do not starve). Pure logic, no MPI.
 *
 * <p>The value travels with a grant only when the worker's replica is older than the
 * resource ({@code replicaVersion} differs); otherwise the grant carries the version alone.
 * A write release with a new value raises the version. Locks held by a worker that is lost
 * or stopped are released by {@link #releaseAll}, so no lock outlives its holder.
 */
final class ResourceTable {
    enum Mode { READ, WRITE }

    /** A lock granted (or refused, with {@code error}) to one waiting request. */
    record Grant(int worker, long requestId, String name, ResourceType type, long version, Object value,
            boolean withValue, String error) {
    }

    private record Waiting(int worker, long requestId, Mode mode, long replicaVersion) {
    }

    private static final class Resource {
        final ResourceType type;
        Object value;
        long version = 1;
        final Map<Integer, Integer> readers = new TreeMap<>();
        int writer = -1;
        final Deque<Waiting> waiting = new ArrayDeque<>();

        Resource(ResourceType type, Object value) {
            this.type = type;
            this.value = value;
        }
    }

    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private long withValue;
    private long versionOnly;
    private BiConsumer<String, Replicas.Entry> onWrite = (name, value) -> { };

    /** Tells {@code listener} each new value with its version (the journal keeps them). */
    void onWrite(BiConsumer<String, Replicas.Entry> listener) {
        this.onWrite = listener;
    }

    /** Declares a resource, or replaces the value of one that exists (a new version). */
    void declare(String name, ResourceType type, Object value) {
        Resource r = resources.get(name);
        if (r == null || r.type != type) {
            r = new Resource(type, value);
            resources.put(name, r);
        } else {
            r.value = value;
            r.version++;
        }
        written(name, r);
    }

    /** Puts back a value and version an earlier run wrote (read from its journal). */
    void restore(String name, Replicas.Entry e) {
        Resource r = new Resource(e.type(), e.value());
        r.version = e.version();
        resources.put(name, r);
    }

    private void written(String name, Resource r) {
        onWrite.accept(name, new Replicas.Entry(r.type, r.version, r.value));
    }

    /** A worker asks for a lock; returns what can be granted now (maybe nothing). */
    List<Grant> request(int worker, long requestId, String name, Mode mode, long replicaVersion) {
        Resource r = resources.get(name);
        if (r == null) {
            return List.of(new Grant(worker, requestId, name, null, 0, null, false,
                    "no shared resource named '" + name + "' (declared: " + String.join(", ", resources.keySet()) + ")"));
        }
        r.waiting.addLast(new Waiting(worker, requestId, mode, replicaVersion));
        return grantWaiting(name, r);
    }

    /**
     * A worker releases a lock; a write release may carry the new value (already checked
     * against the type by the worker). Returns the grants this makes possible.
     */
    List<Grant> release(int worker, String name, Mode mode, Object newValue) {
        Resource r = resources.get(name);
        if (r == null) {
            return List.of();
        }
        if (mode == Mode.WRITE && r.writer == worker) {
            r.writer = -1;
            if (newValue != null) {
                r.value = r.type.coerce(newValue);
                r.version++;
                written(name, r);
            }
        } else if (mode == Mode.READ) {
            r.readers.computeIfPresent(worker, (w, n) -> n > 1 ? n - 1 : null);
        }
        return grantWaiting(name, r);
    }

    /** Releases every lock the worker holds and drops its waiting requests. */
    List<Grant> releaseAll(int worker, List<String> released) {
        List<Grant> grants = new ArrayList<>();
        for (Map.Entry<String, Resource> e : resources.entrySet()) {
            Resource r = e.getValue();
            boolean held = r.writer == worker || r.readers.containsKey(worker);
            if (r.writer == worker) {
                r.writer = -1;
            }
            r.readers.remove(worker);
            r.waiting.removeIf(w -> w.worker() == worker);
            if (held) {
                released.add(e.getKey());
            }
            grants.addAll(grantWaiting(e.getKey(), r));
        }
        return grants;
    }

    private List<Grant> grantWaiting(String name, Resource r) {
        List<Grant> grants = new ArrayList<>();
        while (!r.waiting.isEmpty()) {
            Waiting w = r.waiting.peekFirst();
            boolean free = r.writer < 0 && (w.mode() == Mode.READ || r.readers.isEmpty());
            if (!free) {
                break;
            }
            r.waiting.pollFirst();
            if (w.mode() == Mode.READ) {
                r.readers.merge(w.worker(), 1, Integer::sum);
            } else {
                r.writer = w.worker();
            }
            boolean send = w.replicaVersion() != r.version;
            if (send) {
                withValue++;
            } else {
                versionOnly++;
            }
            grants.add(new Grant(w.worker(), w.requestId(), name, r.type, r.version, send ? r.value : null, send, null));
        }
        return grants;
    }

    /** Every resource with its type, version and value: what the phase {@code Bcast} carries. */
    Map<String, Replicas.Entry> snapshot() {
        Map<String, Replicas.Entry> out = new LinkedHashMap<>();
        resources.forEach((name, r) -> out.put(name, new Replicas.Entry(r.type, r.version, r.value)));
        return out;
    }

    /** Who holds which lock now: name -> "writer w" / "readers [..]". */
    Map<String, String> holders() {
        Map<String, String> out = new LinkedHashMap<>();
        resources.forEach((name, r) -> {
            if (r.writer >= 0) {
                out.put(name, "writer " + r.writer);
            } else if (!r.readers.isEmpty()) {
                out.put(name, "readers " + r.readers.keySet());
            }
        });
        return out;
    }

    /** Each resource that is held or waited for: holders, then waiting requests in order. */
    List<String> lockTable() {
        List<String> lines = new ArrayList<>();
        resources.forEach((name, r) -> {
            if (r.writer < 0 && r.readers.isEmpty() && r.waiting.isEmpty()) {
                return;
            }
            StringBuilder line = new StringBuilder("'" + name + "': ");
            line.append(r.writer >= 0 ? "write lock held by worker " + r.writer
                    : r.readers.isEmpty() ? "free" : "read locks held by worker(s) " + r.readers.keySet());
            for (Waiting w : r.waiting) {
                line.append("; worker ").append(w.worker()).append(" waits to ")
                        .append(w.mode() == Mode.WRITE ? "write" : "read");
            }
            lines.add(line.toString());
        });
        if (lines.isEmpty()) {
            lines.add("(no lock is held or waited for)");
        }
        return lines;
    }

    long grantsWithValue() {
        return withValue;
    }

    long grantsVersionOnly() {
        return versionOnly;
    }
}
