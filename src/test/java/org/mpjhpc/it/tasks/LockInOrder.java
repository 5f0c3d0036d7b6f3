package org.mpjhpc.it.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/**
 * Takes write locks on {@code first} then {@code second}, pausing between: two of them
 * in opposite orders on two workers deadlock (each holds what the other waits for).
 */
public final class LockInOrder implements FarmTask {
    @Override
    public Object run(TaskContext context) throws Exception {
        String first = context.arg("first", "a");
        String second = context.arg("second", "b");
        Object a = context.write(first);
        Thread.sleep(500);
        Object b = context.write(second);
        context.releaseWrite(second, b);
        context.releaseWrite(first, a);
        return "both";
    }
}
