package org.mpjhpc.fv;

/**
 * Messages between the compute ranks and the master (world communicator). The pairs:
 *
 * <pre>
 *  compute ranks send            master serves
 *  HEARTBEAT (step, time)     -> marks the rank alive
 *  TOTALS (step, time, dt)    -> joins the Reduce(SUM) of the conserved totals that follows
 *                                (sent by compute rank 0 only, just before the Reduce)
 *  BLOCK (x0, y0, nx, ny, q)  -> copies the final block into the global field
 *  SNAPSHOT (.., step, t, k)  -> copies the block into the snapshot; once complete writes
 *                                checkpoint.bin and/or field_STEP.vtk (k: see Snapshot)
 *  RESTORE (x0, y0, nx, ny)   -> answers RESTORE with that block of the checkpoint (restart)
 * </pre>
 */
enum FvTag {
    HEARTBEAT, TOTALS, BLOCK, SNAPSHOT, RESTORE;

    int code() {
        return 200 + ordinal();
    }

    static FvTag of(int code) {
        return values()[code - 200];
    }
}
