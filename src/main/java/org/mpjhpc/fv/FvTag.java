package org.mpjhpc.fv;

import org.mpjhpc.comm.Tag;
import org.mpjhpc.comm.TagRange;

/**
 * Messages of the finite-volume solver. Between the compute ranks and the master (world
 * communicator), the pairs:
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
 *
 * Between compute ranks (Cartesian communicator): GHOSTS_*, a halo strip for the
 * receiver's ghost layers on that side; TIME_STEP, a rank's (dt, stop, picture) for the
 * overlapped MIN reduction (halo: overlapped), sent to every other compute rank.
 */
enum FvTag implements Tag {
    HEARTBEAT, TOTALS, BLOCK, SNAPSHOT, RESTORE, GHOSTS_LEFT, GHOSTS_RIGHT, GHOSTS_BOTTOM, GHOSTS_TOP, TIME_STEP;

    private static final FvTag[] ALL = values();

    @Override
    public int code() {
        return TagRange.FV.code(this);
    }

    static FvTag of(int code) {
        return TagRange.FV.of(ALL, code);
    }

    /** The tag of a halo strip that fills the receiver's ghosts on side {@code s}. */
    static FvTag ghosts(Boundary.Side s) {
        return ALL[GHOSTS_LEFT.ordinal() + s.ordinal()];
    }
}
