package org.mpjhpc.farm;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The worker side of the shared resources. Task threads ask for locks here and wait; the
 * worker's communication thread (the only one that talks MPI) sends what is queued in
 * {@link #outbox} and hands each GRANT back with {@link #granted}.
 */
final class ResourceClient {
    /** A message a task thread wants sent to the master. */
    record Outgoing(FarmTag tag, byte[] data) {
    }

    private final Replicas replicas;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<Long, CompletableFuture<Object>> waiting = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Outgoing> outbox = new ConcurrentLinkedQueue<>();

    ResourceClient(Replicas replicas) {
        this.replicas = replicas;
    }

    ConcurrentLinkedQueue<Outgoing> outbox() {
        return outbox;
    }

    /** Asks for a lock and waits for it; returns the resource's value. */
    Object acquire(String name, ResourceTable.Mode mode) throws InterruptedException {
        long id = nextId.incrementAndGet();
        CompletableFuture<Object> grant = new CompletableFuture<>();
        waiting.put(id, grant);
        outbox.add(new Outgoing(FarmTag.LOCK, Protocol.lock(new Protocol.Lock(id, name, mode, replicas.version(name)))));
        try {
            return grant.get();
        } catch (ExecutionException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } finally {
            waiting.remove(id);
        }
    }

    /** Gives a lock back; a write release may carry a new value, checked against the type here. */
    void release(String name, ResourceTable.Mode mode, Object value) {
        Object checked = null;
        IllegalArgumentException refused = null;
        if (value != null) {
            try {
                checked = replicas.get(name).type().coerce(value);
            } catch (IllegalArgumentException e) {
                refused = new IllegalArgumentException("resource '" + name + "': " + e.getMessage());
            }
        }
        outbox.add(new Outgoing(FarmTag.RELEASE, Protocol.release(new Protocol.Release(name, mode, checked))));
        if (refused != null) {
            throw refused;
        }
    }

    /** Called by the communication thread for each GRANT: updates the replica, wakes the task. */
    void granted(ResourceTable.Grant g) {
        CompletableFuture<Object> task = waiting.get(g.requestId());
        if (g.error() != null) {
            if (task != null) {
                task.completeExceptionally(new IllegalArgumentException(g.error()));
            }
            return;
        }
        if (g.withValue()) {
            replicas.put(g.name(), new Replicas.Entry(g.type(), g.version(), g.value()));
        }
        Replicas.Entry entry = replicas.get(g.name());
        if (task != null) {
            // Each task gets its own copy: a write task may change it before releasing.
            task.complete(entry.type().coerce(entry.value()));
        }
    }
}
