package org.mpjhpc.farm;

import java.io.Serializable;

/** What one entry of the job's timeline does (the seed emulator's HTTP requests). */
public sealed interface Action extends Serializable {
    /**
     * Submit a task to the master queue, or to one worker's queue.
     *
     * @param maxAttempts runs that may end in their worker's death before the task is given
     *                    up as failed; 0 for the job's {@code farm.max_attempts}
     * @param timeoutMs   a run longer than this fails ({@code task.timeout_ms}); 0 for none
     */
    record Submit(TaskKind task, int worker, int maxAttempts, long timeoutMs) implements Action {
        /** With the job's max_attempts. */
        public Submit(TaskKind task, int worker) {
            this(task, worker, 0, 0);
        }

        /** With no time limit of its own. */
        public Submit(TaskKind task, int worker, int maxAttempts) {
            this(task, worker, maxAttempts, 0);
        }
    }

    /** Activate a standby rank as a worker with this capacity. */
    record AddWorker(int capacity) implements Action {
    }

    /** Deactivate a worker; its unfinished work goes back to the master queue. */
    record StopWorker(int worker) implements Action {
    }

    /**
     * Break a worker for real: {@code kill} ends its executor thread; {@code hang} stalls
     * its communication thread for {@code ms} (no heartbeats, no results meanwhile).
     */
    record Fault(int worker, String kind, long ms) implements Action {
    }

    /** Declare a shared resource held by the master (the seed's {@code POST /resource}). */
    record DeclareResource(String name, ResourceType type, Object value) implements Action {
    }

    /**
     * A phase boundary: the master waits until all submitted work has drained, then
     * broadcasts the resource table to every worker ({@code Bcast}).
     */
    record Phase(String name) implements Action {
    }
}
