package org.mpjhpc.comm;

import mpi.Intracomm;
import mpi.MPI;
import mpi.Status;
import mpjdev.MPJDev;

/**
 * A probe for a message from any rank. MPJ Express 0.44's hybrid device ({@code -dev hybdev})
 * throws a NullPointerException when asked to probe {@code ANY_SOURCE} (HYBDevice.isLocal finds
 * no network id for the wildcard), so there every rank is probed in turn, starting after the
 * one served last so that no rank is starved; the other devices probe the wildcard.
 */
public final class AnySource {
    private static int next;

    private AnySource() {
    }

    /** The status of a waiting message with this tag (or {@code MPI.ANY_TAG}) from any rank, else null. */
    public static Status iprobe(Intracomm comm, int tag) {
        if (!"hybdev".equals(MPJDev.deviceName)) {
            return comm.Iprobe(MPI.ANY_SOURCE, tag);
        }
        int size = comm.Size();
        int me = comm.Rank();
        for (int i = 0; i < size; i++) {
            int source = (next + i) % size;
            if (source == me) {
                continue;
            }
            Status s = comm.Iprobe(source, tag);
            if (s != null) {
                next = source + 1;
                return s;
            }
        }
        return null;
    }
}
