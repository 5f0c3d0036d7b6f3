package org.mpjhpc.farm.tasks;

import java.util.List;
import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/**
 * Seed test 2: sums the elements {@code from} (inclusive) to {@code to} (exclusive) of the
 * shared list {@code list} under a read lock, then adds that sum to the shared number
 * {@code total} under the write lock. Returns the slice's sum.
 */
public final class SumSlice implements FarmTask {
    @Override
    public Object run(TaskContext context) throws Exception {
        String listName = context.arg("list", "shared_list");
        String totalName = context.arg("total", "total");
        int from = Integer.parseInt(context.arg("from", "0"));
        int to = Integer.parseInt(context.arg("to", "0"));
        long sum = 0;
        List<?> list = (List<?>) context.read(listName);
        try {
            for (int i = from; i < to; i++) {
                sum += ((Number) list.get(i)).longValue();
            }
        } finally {
            context.releaseRead(listName);
        }
        Number total = (Number) context.write(totalName);
        context.releaseWrite(totalName, total.longValue() + sum);
        return sum;
    }
}
