package org.mpjhpc.it.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/** A task that deadlocks on its own: it holds a read lock on {@code name} and asks to write it. */
public final class ReadThenWrite implements FarmTask {
    @Override
    public Object run(TaskContext context) throws Exception {
        String name = context.arg("name", "x");
        context.read(name);
        context.write(name); // waits for its own read lock: forever
        return "unreachable";
    }
}
