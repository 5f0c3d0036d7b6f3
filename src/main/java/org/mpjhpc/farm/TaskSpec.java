package org.mpjhpc.farm;

/**
 * A task as it travels to a worker.
 *
 * @param id      the task's id in the job
 * @param attempt 1 on the first dispatch, one more on each re-dispatch after a failure
 * @param kind      what to run
 * @param timeoutMs a run longer than this is failed by its worker; 0 for no limit
 */
public record TaskSpec(int id, int attempt, TaskKind kind, long timeoutMs) {
    /** A task with no time limit. */
    public TaskSpec(int id, int attempt, TaskKind kind) {
        this(id, attempt, kind, 0);
    }

    /** The same task, to run again. */
    TaskSpec retry() {
        return new TaskSpec(id, attempt + 1, kind, timeoutMs);
    }
}
