package org.mpjhpc.comm;

/**
 * The one door to MPI: every message and collective of every workload goes through here,
 * and only this package talks to MPJ Express. Buffers are arrays of {@code byte},
 * {@code int}, {@code long} or {@code double} (passed as {@code Object}, as MPI itself
 * does); tags are each workload's own enum, numbered from one {@link TagRange}.
 *
 * <p>Waiting is a probe with a capped backoff ({@link Probes}), never a spinning core.
 */
public interface Comm {
    /** Any source, for {@link #poll}, {@link #receive} and {@link #probe}. */
    int ANY = -1;

    /** No rank: a side of a Cartesian topology without a neighbour. */
    int NONE = -1;

    int rank();

    int size();

    // ---- tagged byte messages (the farm's protocol)

    /** Starts a send and returns at once; {@code data} must not change until it completes. */
    default Pending isend(int dest, Tag tag, byte[] data) {
        return isend(data, data.length, dest, tag);
    }

    /** Sends and returns when the buffer may be reused. */
    default void send(int dest, Tag tag, byte[] data) {
        send(data, data.length, dest, tag);
    }

    /** Receives a byte message with any tag from {@code source} if one is waiting, else null. */
    default Message poll(int source) {
        Envelope e = probe(source, ANY);
        return e == null ? null : take(e);
    }

    /** Receives the next byte message with any tag from {@code source}, waiting for it. */
    default Message receive(int source) {
        return take(awaitProbe(source, ANY));
    }

    private Message take(Envelope e) {
        byte[] data = new byte[e.count(byte[].class)];
        recv(data, data.length, e.source(), e.tag());
        return new Message(e.source(), e.tag(), data);
    }

    // ---- typed point to point

    /** Starts a send of the first {@code count} elements of {@code array}. */
    Pending isend(Object array, int count, int dest, Tag tag);

    /** Posts a receive into {@code array}; {@link Pending#await} gives the elements received. */
    Pending irecv(Object array, int count, int source, Tag tag);

    void send(Object array, int count, int dest, Tag tag);

    /** Receives into {@code array}, waiting with backoff rather than in MPJ's spinning loop. */
    void recv(Object array, int count, int source, Tag tag);

    /** Receives by raw tag number, as a probe reported it. */
    void recv(Object array, int count, int source, int tag);

    /** Sends {@code out} to {@code dest} and receives {@code in} from {@code source}, one tag. */
    void sendReceive(Object out, int dest, Object in, int source, Tag tag);

    /** The envelope of a waiting message ({@code tag} may be {@link #ANY}), or null: never waits. */
    Envelope probe(int source, int tag);

    /** Waits, with a capped backoff, for a message and returns its envelope. */
    default Envelope awaitProbe(int source, int tag) {
        Backoff backoff = new Backoff(1_000, 1_000_000);
        while (true) {
            Envelope e = probe(source, tag);
            if (e != null) {
                return e;
            }
            backoff.idle();
        }
    }

    // ---- collectives

    /** Broadcasts {@code data} from {@code root}; every rank returns the root's bytes. */
    byte[] broadcast(byte[] data, int root);

    /** Broadcasts the first {@code count} elements of {@code array} from {@code root}, in place. */
    void broadcast(Object array, int count, int root);

    /** Element-wise reduction of a {@code long[]} or {@code double[]}; the result at {@code root}, null elsewhere. */
    <T> T reduce(T array, Op op, int root);

    /** Element-wise reduction whose result every rank gets. */
    <T> T allReduce(T array, Op op);

    /**
     * Reduction by a user operation over records of {@code width} doubles: the MPI form of
     * an associative merge. The result at {@code root}, null elsewhere.
     */
    double[] reduce(double[] records, int width, RecordMerge merge, int root);

    /** Each rank's {@code counts[r]} sent to rank r; returns what each rank sent here. */
    int[] allToAll(int[] counts);

    /** Alltoall of bytes: block r of {@code send} ({@code block} bytes) to rank r; returns the blocks received, by rank. */
    byte[] allToAll(byte[] send, int block);

    /** Inclusive prefix reduction (MPI_Scan): rank r gets the element-wise op over ranks 0..r. */
    <T> T scan(T array, Op op);

    /** Rank r gets its {@code counts[r]} elements of root's {@code all}, the blocks in rank order (MPI_Scatterv). */
    double[] scatter(double[] all, int[] counts, int root);

    /** Every rank's {@code mine} ({@code counts[r]} elements) in rank order at root, null elsewhere (MPI_Gatherv). */
    double[] gather(double[] mine, int[] counts, int root);

    /** The ranks of equal {@code color} as a communicator of their own, ordered by {@code key}. */
    Comm split(int color, int key);

    /** A Cartesian topology over these ranks (no reordering). */
    Cart cartesian(int[] dims, boolean[] periodic);

    // ---- the ranks' processes

    /**
     * Starts watching that every rank's process is still there (collective), where ranks can
     * die alone; see {@link Lifeline}.
     *
     * @param lastWords on rank 0, says why the job ends and reports its exit code
     */
    default Lifeline watchRanks(java.util.function.Consumer<RankLost> lastWords) {
        return Lifeline.NONE;
    }

    /** The watch {@link #watchRanks} started, or {@link Lifeline#NONE}. */
    default Lifeline lifeline() {
        return Lifeline.NONE;
    }

    /** Waits for every pending operation. */
    static void awaitAll(Iterable<? extends Pending> pending) {
        for (Pending p : pending) {
            p.await();
        }
    }

    /** A send or receive in flight. */
    interface Pending {
        /** True once the operation is complete. */
        boolean done();

        /** Waits for it to complete; returns the elements received (or sent). */
        int await();
    }

    /** The built-in element-wise reductions. */
    enum Op {
        SUM, MIN, MAX
    }

    /** Merges record {@code in} into record {@code inOut}, each {@code width} doubles from its offset. */
    @FunctionalInterface
    interface RecordMerge {
        void merge(double[] in, int inOffset, double[] inOut, int inOutOffset);
    }
}
