package org.mpjhpc.farm;

import org.mpjhpc.comm.Tag;
import org.mpjhpc.comm.TagRange;

/** Message tags of the master/worker protocol; see {@code farm.Protocol} for the pairs. */
enum FarmTag implements Tag {
    /** master to worker: a batch of tasks to run */
    TASKS,
    /** worker to master: a batch of finished tasks */
    RESULTS,
    /** worker to master: I am alive, with my counters */
    HEARTBEAT,
    /** master to worker: no more work will come; finish and say goodbye */
    STOP,
    /** worker to master: my last message; nothing follows */
    BYE,
    /** master to worker: become a worker with this capacity (elastic add) */
    ACTIVATE,
    /** master to worker: stop working and drop your queue (elastic stop) */
    DEACTIVATE,
    /** master to worker: you were declared dead; rebuild your executor and rejoin */
    RESTART,
    /** worker to master: my executor is (re)built, I take work */
    READY,
    /** master to worker: break yourself this way (fault injection from the timeline) */
    FAULT,
    /** master to worker: give back the last task of your queue, if one waits */
    STEAL,
    /** worker to master: the task id given back, or -1 */
    STOLEN,
    /** worker to master: a task asks for a read or write lock on a shared resource */
    LOCK,
    /** master to worker: the lock is yours (with the value if your replica is old) */
    GRANT,
    /** worker to master: a lock given back (a write release may carry the new value) */
    RELEASE,
    /** master to worker: phase boundary; answer JOINED, then join the Bcast of the resource table */
    PHASE,
    /** worker to master: I wait in the phase's Bcast; nothing more comes from me before it */
    JOINED;

    private static final FarmTag[] ALL = values();

    @Override
    public int code() {
        return TagRange.FARM.code(this);
    }

    /** The tag for an MPI tag number. */
    static FarmTag of(int code) {
        return TagRange.FARM.of(ALL, code);
    }
}
