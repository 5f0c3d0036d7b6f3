package org.mpjhpc.farm;

/**
 * What a worker reports for one run of a task. A failed task is an outcome like any
 * other: the error travels back as data and the worker goes on.
 *
 * @param result  the task's result as text (null when it failed)
 * @param error   why it failed (null when it succeeded)
 * @param startMs when it started, in ms since the job's start
 * @param endMs   when it ended, in ms since the job's start
 */
public record Outcome(int taskId, int attempt, int worker, boolean ok, String result, String error,
        long startMs, long endMs) {
}
