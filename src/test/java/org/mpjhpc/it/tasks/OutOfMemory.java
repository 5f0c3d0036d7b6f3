package org.mpjhpc.it.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/** A task that throws OutOfMemoryError wherever it runs (an array the JVM cannot hold). */
public final class OutOfMemory implements FarmTask {
    @Override
    public Object run(TaskContext context) {
        long[] huge = new long[Integer.MAX_VALUE - 2];
        return huge.length;
    }
}
