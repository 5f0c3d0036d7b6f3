package org.mpjhpc.farm.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/** Reads the shared resource {@code name} under a read lock and returns its value. */
public final class ReadResource implements FarmTask {
    @Override
    public Object run(TaskContext context) throws Exception {
        String name = context.arg("name", "total");
        Object value = context.read(name);
        context.releaseRead(name);
        return value;
    }
}
