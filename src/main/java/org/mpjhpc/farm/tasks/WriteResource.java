package org.mpjhpc.farm.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/** Takes the write lock on {@code name} and stores the whole number {@code value}. */
public final class WriteResource implements FarmTask {
    @Override
    public Object run(TaskContext context) throws Exception {
        String name = context.arg("name", "config_value");
        Object old = context.write(name);
        context.releaseWrite(name, Long.parseLong(context.arg("value", "0")));
        return old;
    }
}
