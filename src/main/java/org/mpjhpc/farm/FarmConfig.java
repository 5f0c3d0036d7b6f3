package org.mpjhpc.farm;

import java.io.Serializable;
import java.util.List;

/**
 * The validated {@code farm:} section of a job.
 *
 * @param capacities         per worker, how many tasks it may hold (queued and running)
 * @param workerThreads      how many tasks a worker runs at the same time
 * @param heartbeatMs        how often a worker reports that it is alive
 * @param heartbeatTimeoutMs silence after which the master declares a worker dead
 * @param requests           the tasks to submit, in order
 */
public record FarmConfig(List<Integer> capacities, int workerThreads, long heartbeatMs,
        long heartbeatTimeoutMs, List<Request> requests) implements Serializable {

    /** Number of workers the job needs. */
    public int workers() {
        return capacities.size();
    }

    /** Total number of tasks the requests submit. */
    public long totalTasks() {
        return requests.stream().mapToLong(Request::times).sum();
    }
}
