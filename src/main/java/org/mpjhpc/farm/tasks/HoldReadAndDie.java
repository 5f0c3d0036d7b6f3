package org.mpjhpc.farm.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/**
 * Seed test 3, example 3: takes a read lock on {@code name} and, on the worker named by
 * {@code worker}, kills its executor while holding it. The lock stays held until the
 * master declares the worker dead and releases everything it held; a writer waiting for
 * the lock then goes on. On any other worker it releases the lock and succeeds.
 */
public final class HoldReadAndDie implements FarmTask {
    @Override
    public Object run(TaskContext context) throws Exception {
        String name = context.arg("name", "config_value");
        Object value = context.read(name);
        if (context.worker() == Integer.parseInt(context.arg("worker", "0"))) {
            context.killExecutor();
        }
        context.releaseRead(name);
        return value;
    }
}
