package org.mpjhpc.it.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/** A task that never returns and ignores interrupts (a bug in a user's task). */
public final class NeverReturns implements FarmTask {
    @Override
    public Object run(TaskContext context) {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                // ignored, as careless code does
            }
        }
    }
}
