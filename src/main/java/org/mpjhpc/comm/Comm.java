package org.mpjhpc.comm;

/**
 * Everything the workloads need from MPI, in one small facade: tagged byte messages
 * (blocking, nonblocking, probe-and-receive) and the collectives. All messages are byte
 * arrays encoded by the protocol classes, which keeps MPJ's slow object serialisation
 * off the hot path.
 */
public interface Comm {
    int rank();

    int size();

    /** Starts a send and returns at once; {@code data} must not change until it completes. */
    Pending isend(int dest, Tag tag, byte[] data);

    /** Sends and returns when the buffer may be reused. */
    void send(int dest, Tag tag, byte[] data);

    /** Receives a message from {@code source} if one is waiting ({@code Iprobe}), else null. */
    Message poll(int source);

    /** Receives the next message from {@code source}, waiting for it. */
    Message receive(int source);

    /** Broadcasts {@code data} from {@code root}; every rank returns the root's bytes. */
    byte[] broadcast(byte[] data, int root);

    /** Element-wise sum of {@code values} over all ranks, returned at {@code root} (others get null). */
    long[] reduceSum(long[] values, int root);

    /** Any source, for {@link #poll} and {@link #receive}. */
    int ANY = -1;

    /** A send in flight. */
    interface Pending {
        /** True once the send buffer may be reused. */
        boolean done();

        /** Waits until the send buffer may be reused. */
        void await();
    }
}
