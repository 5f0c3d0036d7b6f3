package org.mpjhpc.comm;

import mpi.Intracomm;
import mpi.MPI;
import mpi.Status;
import mpjdev.MPJDev;

/**
 * Probes that are safe on every device of MPJ Express 0.44. Every probe of the project goes
 * through here; waiting is a probe loop with a capped backoff, never MPJ's blocking
 * {@code Probe}. Two device bugs are worked around, both found by running:
 * <ul>
 * <li>The shared-memory device (multicore; hybdev inside a host) reads its queue of pending
 * sends in {@code iprobe} without the lock ({@code SMPDeviceImpl.class}) under which
 * {@code isend}/{@code irecv} change it. The queue is a HashMap whose keys all hash to -1,
 * so with many pending sends it becomes a tree, and a read during a change can loop for
 * ever: measured, a StackOverflowError in {@code HashMap$TreeNode.find} on the master of an
 * 8-worker finite-volume run. Each probe here holds that lock. The device's blocking
 * {@code probe} is the same unlocked read in a loop that never yields (a spinning core).</li>
 * <li>The hybrid device throws a NullPointerException when asked to probe
 * {@code ANY_SOURCE} (HYBDevice.isLocal finds no network id for the wildcard), so there
 * every rank is probed in turn, starting after the one served last so none is starved.</li>
 * </ul>
 */
final class Probes {
    private static int next;

    private Probes() {
    }

    /** The status of a waiting message from {@code source} (or {@code MPI.ANY_SOURCE}) with {@code tag}, else null. */
    static Status iprobe(Intracomm comm, int source, int tag) {
        if (source == MPI.ANY_SOURCE && "hybdev".equals(MPJDev.deviceName)) {
            return eachSource(comm, tag);
        }
        Object lock = SharedMemory.LOCK;
        if (lock == null) {
            return comm.Iprobe(source, tag);
        }
        synchronized (lock) {
            return comm.Iprobe(source, tag);
        }
    }

    /** Waits for a message from {@code source} with {@code tag}: probes with a capped backoff. */
    static Status probe(Intracomm comm, int source, int tag) {
        Backoff backoff = new Backoff(1_000, 1_000_000);
        while (true) {
            Status s = iprobe(comm, source, tag);
            if (s != null) {
                return s;
            }
            backoff.idle();
        }
    }

    private static Status eachSource(Intracomm comm, int tag) {
        int size = comm.Size();
        int me = comm.Rank();
        for (int i = 0; i < size; i++) {
            int source = (next + i) % size;
            if (source == me) {
                continue;
            }
            Status s = iprobe(comm, source, tag);
            if (s != null) {
                next = source + 1;
                return s;
            }
        }
        return null;
    }

    /** The shared-memory device's own lock, when that device is in use (resolved after MPI.Init). */
    private static final class SharedMemory {
        static final Object LOCK = lock();

        private static Object lock() {
            if ("niodev".equals(MPJDev.deviceName)) {
                return null;
            }
            try {
                return Class.forName("xdev.smpdev.SMPDeviceImpl");
            } catch (ClassNotFoundException e) {
                return null; // a device without the shared-memory part
            }
        }
    }
}
