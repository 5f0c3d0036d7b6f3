package org.mpjhpc.farm.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/**
 * Seed test 3, example 2: a task that kills its own worker's executor when it runs on the
 * worker named by {@code worker} (default 1), and succeeds anywhere else. The master sees
 * the heartbeats stop, requeues the worker's tasks, and restarts it.
 */
public final class ExitIfWorker implements FarmTask {
    @Override
    public Object run(TaskContext context) {
        int victim = Integer.parseInt(context.arg("worker", "1"));
        if (context.worker() == victim) {
            context.killExecutor();
        }
        return "survived on worker " + context.worker();
    }
}
