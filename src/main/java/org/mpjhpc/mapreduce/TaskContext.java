package org.mpjhpc.mapreduce;

/** Where a task runs: for logging, or for a test that must fail on one attempt only. */
public interface TaskContext {
    /** The task's number: a map task per input chunk, a reduce task per partition. */
    int task();

    /** 1 for the first run of the task, 2 for its first retry, ... */
    int attempt();

    /** The worker running it, from 0. */
    int worker();

    /** A value from the job's {@code params:} section, or null. */
    String param(String name);

    /**
     * Says the task is getting on, from the task's own thread (as Hadoop's
     * {@code context.progress()}): a task without progress for {@code task_timeout_s} is
     * taken for hung. The engine already counts each buffer read and each key written; call
     * it from work that takes long between them.
     */
    void progress();
}
