package org.mpjhpc.farm.tasks;

import org.mpjhpc.farm.FarmTask;
import org.mpjhpc.farm.TaskContext;

/**
 * An example Java task: counts the primes below {@code limit} with a sieve. Copy it to
 * write your own {@link FarmTask}.
 */
public final class PrimeCount implements FarmTask {
    @Override
    public Object run(TaskContext context) {
        int limit = Integer.parseInt(context.arg("limit", "100000"));
        boolean[] composite = new boolean[Math.max(limit, 2)];
        int count = 0;
        for (int i = 2; i < limit; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j < limit; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }
}
