package org.mpjhpc.farm;

import java.util.Map;

/**
 * What a {@link FarmTask} knows about its run.
 *
 * @param taskId  the task's id in the job (its position in submission order)
 * @param attempt 1 for the first run, more when the task was run again after a failure
 * @param worker  the id of the worker running it (0-based; its MPI rank is worker + 1)
 * @param args    the {@code args} mapping from the job file
 */
public record TaskContext(int taskId, int attempt, int worker, Map<String, String> args) {
    /**
     * Kills the executor running this task, as a crash would: the worker's heartbeats stop
     * and the master's failure recovery takes over. For fault-injection tests.
     */
    public void killExecutor() {
        throw new TaskExecutor.ExecutorDeath("task " + taskId + " killed the executor of worker " + worker);
    }

    /** An argument, or {@code fallback} when the job file does not give it. */
    public String arg(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }
}
