package org.mpjhpc.config;

import java.io.Serializable;

/** A workload's validated settings: what rank 0 reads and broadcasts with the job. */
public interface Settings extends Serializable {
    /** Worker ranks the job runs on (the master comes on top). */
    int workers();

    /** The workers as the config describes them, for the one -np check: "3 worker(s)". */
    default String describeWorkers() {
        return workers() + " worker(s)";
    }
}
