package org.mpjhpc.comm;

/** Message tags of the master/worker protocol; see {@code farm.Protocol} for the pairs. */
public enum Tag {
    /** master to worker: a batch of tasks to run */
    TASKS,
    /** worker to master: a batch of finished tasks */
    RESULTS,
    /** worker to master: I am alive, with my counters */
    HEARTBEAT,
    /** master to worker: no more work will come; finish and say goodbye */
    STOP,
    /** worker to master: my last message; nothing follows */
    BYE;

    private static final Tag[] ALL = values();

    /** The MPI tag number (kept clear of 0, which other code may use). */
    public int code() {
        return 100 + ordinal();
    }

    /** The tag for an MPI tag number. */
    public static Tag of(int code) {
        int index = code - 100;
        if (index < 0 || index >= ALL.length) {
            throw new IllegalArgumentException("unknown message tag " + code);
        }
        return ALL[index];
    }
}
