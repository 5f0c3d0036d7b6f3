package org.mpjhpc.farm;

/**
 * The phase-boundary rule, in one place. A boundary is due when the timeline reaches a
 * phase; nothing after it is released until it is crossed. It is crossed in two halves:
 * once the work before it has settled (drained, and every worker told to start has said
 * READY), every worker is asked to join; once all have answered JOINED, the master
 * broadcasts. The Bcast may start only then: a worker still sending READY or JOINED would
 * not join it, and the master, inside the Bcast, would not receive them. Pure logic.
 */
final class PhaseBarrier {
    /** What the master does next for a due boundary. */
    enum Step { NOTHING, ASK_TO_JOIN, BROADCAST }

    private final int workers;
    private boolean due;
    /** Worker ranks yet to answer JOINED; -1 while no worker has been asked. */
    private int unjoined = -1;

    PhaseBarrier(int workers) {
        this.workers = workers;
    }

    /** The timeline reached a phase. */
    void reached() {
        due = true;
    }

    /** True from the timeline's phase until the broadcast: nothing after it is released. */
    boolean due() {
        return due;
    }

    /** True while the workers have been asked and not all have joined. */
    boolean joining() {
        return unjoined > 0;
    }

    /** True once the workers have been asked to join: an abandoned farm must still finish the boundary. */
    boolean underWay() {
        return unjoined >= 0;
    }

    /** A worker answered PHASE with JOINED. */
    void joined() {
        if (unjoined <= 0) {
            throw new IllegalStateException("JOINED without a phase boundary under way");
        }
        unjoined--;
    }

    /**
     * The next step, given whether the work before the boundary has settled; ASK_TO_JOIN
     * and BROADCAST are returned once each per boundary, in that order.
     */
    Step next(boolean settled) {
        if (due && unjoined < 0 && settled) {
            unjoined = workers;
            return Step.ASK_TO_JOIN;
        }
        if (unjoined == 0) {
            unjoined = -1;
            due = false;
            return Step.BROADCAST;
        }
        return Step.NOTHING;
    }
}
