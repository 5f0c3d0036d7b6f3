package org.mpjhpc.kernels;

import org.mpjhpc.comm.Tag;
import org.mpjhpc.comm.TagRange;

/** Messages of the kernels: the nonblocking scatter and gather, the ring, Cannon's shifts and skews. */
enum KernelTag implements Tag {
    SCATTER, GATHER, RING, SHIFT_A, SHIFT_B;

    @Override
    public int code() {
        return TagRange.KERNELS.code(this);
    }
}
