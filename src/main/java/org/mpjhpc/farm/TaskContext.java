package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a {@link FarmTask} knows about its run, and its access to the shared resources.
 *
 * <p>Resources are used as in the seed emulator: {@link #read} takes a read lock and
 * returns the value, {@link #releaseRead} gives it back; {@link #write} takes the write
 * lock and returns the current value, {@link #releaseWrite} stores the new value and gives
 * the lock back. Locks a task still holds when it returns or throws are released for it.
 */
public final class TaskContext {
    private final int taskId;
    private final int attempt;
    private final int worker;
    private final Map<String, String> args;
    private final ResourceClient resources;
    private final List<String> held = new ArrayList<>();

    TaskContext(int taskId, int attempt, int worker, Map<String, String> args, ResourceClient resources) {
        this.taskId = taskId;
        this.attempt = attempt;
        this.worker = worker;
        this.args = args;
        this.resources = resources;
    }

    /** The task's id in the job (its position in submission order). */
    public int taskId() {
        return taskId;
    }

    /** 1 for the first run, more when the task runs again after a failure. */
    public int attempt() {
        return attempt;
    }

    /** The id of the worker running it (0-based; its MPI rank is worker + 1). */
    public int worker() {
        return worker;
    }

    /** The {@code args} mapping from the job file. */
    public Map<String, String> args() {
        return args;
    }

    /** An argument, or {@code fallback} when the job file does not give it. */
    public String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    /** Takes a read lock on a shared resource and returns its value (waits for the lock). */
    public Object read(String name) throws InterruptedException {
        Object value = client().acquire(name, ResourceTable.Mode.READ);
        held.add("R" + name);
        return value;
    }

    /** Gives back a read lock. */
    public void releaseRead(String name) {
        if (held.remove("R" + name)) {
            client().release(name, ResourceTable.Mode.READ, null);
        }
    }

    /** Takes the write lock on a shared resource and returns its current value. */
    public Object write(String name) throws InterruptedException {
        Object value = client().acquire(name, ResourceTable.Mode.WRITE);
        held.add("W" + name);
        return value;
    }

    /**
     * Stores {@code value} (it must fit the resource's type) and gives back the write lock.
     * A value that does not fit is refused with IllegalArgumentException; the lock is given
     * back unchanged all the same.
     */
    public void releaseWrite(String name, Object value) {
        if (held.remove("W" + name)) {
            client().release(name, ResourceTable.Mode.WRITE, value);
        }
    }

    /**
     * Kills the executor running this task, as a crash would: the worker's heartbeats stop
     * and the master's failure recovery takes over (locks held stay held until then). For
     * fault-injection tests.
     */
    public void killExecutor() {
        throw new TaskExecutor.ExecutorDeath("task " + taskId + " killed the executor of worker " + worker);
    }

    /** Releases what the task left held, after it returned or threw. */
    void releaseHeld() {
        for (String lock : List.copyOf(held)) {
            if (lock.charAt(0) == 'R') {
                releaseRead(lock.substring(1));
            } else {
                releaseWrite(lock.substring(1), null);
            }
        }
    }

    private ResourceClient client() {
        if (resources == null) {
            throw new IllegalStateException("shared resources are only available inside a farm worker");
        }
        return resources;
    }
}
