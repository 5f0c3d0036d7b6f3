package org.mpjhpc.farm;

/**
 * A task as it travels to a worker.
 *
 * @param id      the task's id in the job
 * @param attempt 1 on the first dispatch, one more on each re-dispatch after a failure
 * @param kind    what to run
 */
public record TaskSpec(int id, int attempt, TaskKind kind) {
}
