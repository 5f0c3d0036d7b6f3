package org.mpjhpc.data;

import java.util.ArrayList;
import java.util.List;
import mpi.Datatype;
import mpi.Intracomm;
import mpi.MPI;
import mpi.Op;
import mpi.Request;
import mpi.Status;
import mpi.User_function;
import org.mpjhpc.comm.Probes;

/**
 * All the MPI the big-data jobs use, in one place. World rank 0 is the master and holds
 * no data: in the world collectives it contributes the identity (empty statistics, zero
 * counts). The workers also form their own communicator for the shuffle's Alltoall.
 */
final class DataComm {
    private final Intracomm world;
    private final Intracomm workers;
    private final int rank;
    private final int size;

    DataComm(Intracomm world) {
        this.world = world;
        this.rank = world.Rank();
        this.size = world.Size();
        this.workers = world.Split(rank == 0 ? 0 : 1, rank);
    }

    boolean master() {
        return rank == 0;
    }

    /** This worker's index, 0 to workers - 1 (-1 on the master). */
    int worker() {
        return rank - 1;
    }

    int workers() {
        return size - 1;
    }

    /** Chan's merge as an MPI reduction over arrays of six-double {@link Moments} states. */
    private static final Op MERGE = new Op(new User_function() {
        @Override
        public void Call(Object in, int inOffset, Object inOut, int inOutOffset, int count, Datatype type) {
            double[] a = (double[]) in;
            double[] b = (double[]) inOut;
            for (int k = 0; k < count; k += Moments.WIDTH) {
                Moments merged = Moments.fromArray(a, inOffset + k).merge(Moments.fromArray(b, inOutOffset + k));
                System.arraycopy(merged.toArray(), 0, b, inOutOffset + k, Moments.WIDTH);
            }
        }
    }, true);

    /** The per-group statistics of all workers merged, at the master (null elsewhere). */
    Moments[] reduce(Moments[] mine) {
        double[] send = new double[mine.length * Moments.WIDTH];
        for (int g = 0; g < mine.length; g++) {
            System.arraycopy(mine[g].toArray(), 0, send, g * Moments.WIDTH, Moments.WIDTH);
        }
        double[] got = new double[send.length];
        world.Reduce(send, 0, got, 0, send.length, MPI.DOUBLE, MERGE, 0);
        if (!master()) {
            return null;
        }
        Moments[] out = new Moments[mine.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = Moments.fromArray(got, g * Moments.WIDTH);
        }
        return out;
    }

    long[] sum(long[] mine) {
        long[] got = new long[mine.length];
        world.Reduce(mine, 0, got, 0, mine.length, MPI.LONG, MPI.SUM, 0);
        return got;
    }

    double[] min(double[] mine) {
        double[] got = new double[mine.length];
        world.Reduce(mine, 0, got, 0, mine.length, MPI.DOUBLE, MPI.MIN, 0);
        return got;
    }

    double[] max(double[] mine) {
        double[] got = new double[mine.length];
        world.Reduce(mine, 0, got, 0, mine.length, MPI.DOUBLE, MPI.MAX, 0);
        return got;
    }

    /** The master's bytes, on every rank. */
    byte[] bcast(byte[] data) {
        int[] length = {master() ? data.length : 0};
        world.Bcast(length, 0, 1, MPI.INT, 0);
        byte[] buffer = master() ? data : new byte[length[0]];
        world.Bcast(buffer, 0, buffer.length, MPI.BYTE, 0);
        return buffer;
    }

    double[] bcast(double[] data, int n) {
        double[] buffer = master() ? data : new double[n];
        world.Bcast(buffer, 0, n, MPI.DOUBLE, 0);
        return buffer;
    }

    /** Every worker's bytes, in worker order, at the master (workers get null). */
    List<byte[]> gather(byte[] mine) {
        if (!master()) {
            world.Send(new int[] {mine.length}, 0, 1, MPI.INT, 0, DataTag.GATHER.code());
            world.Send(mine, 0, mine.length, MPI.BYTE, 0, DataTag.GATHER.code());
            return null;
        }
        List<byte[]> all = new ArrayList<>();
        for (int w = 1; w < size; w++) {
            int[] n = new int[1];
            world.Recv(n, 0, 1, MPI.INT, w, DataTag.GATHER.code());
            byte[] part = new byte[n[0]];
            world.Recv(part, 0, n[0], MPI.BYTE, w, DataTag.GATHER.code());
            all.add(part);
        }
        return all;
    }

    /** Master: starts sending a streamed chunk of {@code length} bytes to a worker. */
    Request sendChunk(int worker, byte[] buffer, int length) {
        return world.Isend(buffer, 0, length, MPI.BYTE, worker + 1, DataTag.CHUNK.code());
    }

    /** Worker: posts the receive of the next chunk into {@code buffer}. */
    Request postChunk(byte[] buffer) {
        return world.Irecv(buffer, 0, buffer.length, MPI.BYTE, 0, DataTag.CHUNK.code());
    }

    static int length(Status status) {
        return status.Get_count(MPI.BYTE);
    }

    /** Worker to master: a short note of progress (or of being done) that does not wait. */
    Request note(DataTag kind, long[] values) {
        long[] message = new long[values.length + 1];
        message[0] = kind.ordinal();
        System.arraycopy(values, 0, message, 1, values.length);
        // One tag for every kind: MPI keeps a worker's notes in the order sent, so its DONE is
        // its last. (With a tag per kind the master could take DONE first, leave a PROGRESS
        // unreceived and the worker waiting for it forever: seen as a hang.)
        return world.Isend(message, 0, message.length, MPI.LONG, 0, DataTag.NOTE.code());
    }

    /** Master: the next progress note from any worker, if one waits: {worker, kind ordinal, values...}. */
    long[] pollNote(int n) {
        Status s = Probes.iprobe(world, MPI.ANY_SOURCE, DataTag.NOTE.code());
        if (s == null) {
            return null;
        }
        long[] message = new long[n + 1];
        world.Recv(message, 0, n + 1, MPI.LONG, s.source, DataTag.NOTE.code());
        long[] out = new long[n + 2];
        out[0] = s.source - 1;
        System.arraycopy(message, 0, out, 1, n + 1);
        return out;
    }

    /** Workers only: each worker's counts for each other worker, exchanged ({@code Alltoall}). */
    int[] alltoall(int[] counts) {
        int[] got = new int[counts.length];
        workers.Alltoall(counts, 0, 1, MPI.INT, got, 0, 1, MPI.INT);
        return got;
    }

    /**
     * Workers only: sends {@code out[w]} to worker w and returns what each sent here, sized
     * by {@code inSizes} (from {@link #alltoall}). Receives are posted before the sends.
     */
    byte[][] exchange(byte[][] out, int[] inSizes) {
        int n = out.length;
        byte[][] in = new byte[n][];
        Request[] requests = new Request[2 * n];
        for (int w = 0; w < n; w++) {
            in[w] = new byte[inSizes[w]];
            requests[w] = workers.Irecv(in[w], 0, inSizes[w], MPI.BYTE, w, DataTag.BUCKET.code());
        }
        for (int w = 0; w < n; w++) {
            requests[n + w] = workers.Isend(out[w], 0, out[w].length, MPI.BYTE, w, DataTag.BUCKET.code());
        }
        Request.Waitall(requests);
        return in;
    }

    /** Worker to master: a whole message, waiting until the master takes it (flow control for free). */
    void sendBlock(byte[] data) {
        world.Send(data, 0, data.length, MPI.BYTE, 0, DataTag.BLOCK.code());
    }

    /** Master: the next block from {@code worker}. */
    byte[] receiveBlock(int worker) {
        Status s = Probes.probe(world, worker + 1, DataTag.BLOCK.code());
        byte[] data = new byte[s.Get_count(MPI.BYTE)];
        world.Recv(data, 0, data.length, MPI.BYTE, worker + 1, DataTag.BLOCK.code());
        return data;
    }
}
