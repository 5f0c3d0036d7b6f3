package org.mpjhpc.data;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.comm.Comm;

/**
 * The big-data jobs' view of the {@link Comm}: world rank 0 is the master and holds no
 * data, so in the world collectives it contributes the identity (empty statistics, zero
 * counts); the workers also form their own communicator for the shuffle's all-to-all.
 * Worker numbers here are world ranks minus one.
 */
final class DataComm {
    private final Comm world;
    private final Comm workers;

    DataComm(Comm world) {
        this.world = world;
        this.workers = world.split(world.rank() == 0 ? 0 : 1, world.rank());
    }

    boolean master() {
        return world.rank() == 0;
    }

    /** This worker's index, 0 to workers - 1 (-1 on the master). */
    int worker() {
        return world.rank() - 1;
    }

    int workers() {
        return world.size() - 1;
    }

    /** The per-group statistics of all workers merged by {@link Moments#merge}, at the master (null elsewhere). */
    Moments[] reduce(Moments[] mine) {
        double[] send = new double[mine.length * Moments.WIDTH];
        for (int g = 0; g < mine.length; g++) {
            System.arraycopy(mine[g].toArray(), 0, send, g * Moments.WIDTH, Moments.WIDTH);
        }
        double[] got = world.reduce(send, Moments.WIDTH, DataComm::merge, 0);
        if (got == null) {
            return null;
        }
        Moments[] out = new Moments[mine.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = Moments.fromArray(got, g * Moments.WIDTH);
        }
        return out;
    }

    private static void merge(double[] in, int inOffset, double[] inOut, int inOutOffset) {
        Moments merged = Moments.fromArray(in, inOffset).merge(Moments.fromArray(inOut, inOutOffset));
        System.arraycopy(merged.toArray(), 0, inOut, inOutOffset, Moments.WIDTH);
    }

    /** Element-wise sums at the master (null elsewhere). */
    long[] sum(long[] mine) {
        return world.reduce(mine, Comm.Op.SUM, 0);
    }

    /** Element-wise minima at the master (null elsewhere). */
    double[] min(double[] mine) {
        return world.reduce(mine, Comm.Op.MIN, 0);
    }

    /** Element-wise maxima at the master (null elsewhere). */
    double[] max(double[] mine) {
        return world.reduce(mine, Comm.Op.MAX, 0);
    }

    /** The master's bytes, on every rank. */
    byte[] bcast(byte[] data) {
        return world.broadcast(data, 0);
    }

    double[] bcast(double[] data, int n) {
        double[] buffer = master() ? data : new double[n];
        world.broadcast(buffer, n, 0);
        return buffer;
    }

    /** Every worker's bytes, in worker order, at the master (workers get null). */
    List<byte[]> gather(byte[] mine) {
        if (!master()) {
            world.send(new int[] {mine.length}, 1, 0, DataTag.GATHER);
            world.send(mine, mine.length, 0, DataTag.GATHER);
            return null;
        }
        List<byte[]> all = new ArrayList<>();
        for (int w = 1; w < world.size(); w++) {
            int[] n = new int[1];
            world.recv(n, 1, w, DataTag.GATHER);
            byte[] part = new byte[n[0]];
            world.recv(part, n[0], w, DataTag.GATHER);
            all.add(part);
        }
        return all;
    }

    /** Master: starts sending a streamed chunk of {@code length} bytes to a worker. */
    Comm.Pending sendChunk(int worker, byte[] buffer, int length) {
        return world.isend(buffer, length, worker + 1, DataTag.CHUNK);
    }

    /** Worker: posts the receive of the next chunk into {@code buffer}; it completes with the bytes received. */
    Comm.Pending postChunk(byte[] buffer) {
        return world.irecv(buffer, buffer.length, 0, DataTag.CHUNK);
    }

    /** Worker to master: a short note of progress (or of being done) that does not wait. */
    Comm.Pending note(DataTag kind, long[] values) {
        long[] message = new long[values.length + 1];
        message[0] = kind.ordinal();
        System.arraycopy(values, 0, message, 1, values.length);
        // One tag for every kind: MPI keeps a worker's notes in the order sent, so its DONE is
        // its last. (With a tag per kind the master could take DONE first, leave a PROGRESS
        // unreceived and the worker waiting for it forever: seen as a hang.)
        return world.isend(message, message.length, 0, DataTag.NOTE);
    }

    /** Master: the next progress note from any worker, if one waits: {worker, kind ordinal, values...}. */
    long[] pollNote(int n) {
        var s = world.probe(Comm.ANY, DataTag.NOTE.code());
        if (s == null) {
            return null;
        }
        long[] message = new long[n + 1];
        world.recv(message, n + 1, s.source(), DataTag.NOTE);
        long[] out = new long[n + 2];
        out[0] = s.source() - 1;
        System.arraycopy(message, 0, out, 1, n + 1);
        return out;
    }

    /** Workers only: each worker's counts for each other worker, exchanged ({@code Alltoall}). */
    int[] alltoall(int[] counts) {
        return workers.allToAll(counts);
    }

    /**
     * Workers only: sends {@code out[w]} to worker w and returns what each sent here, sized
     * by {@code inSizes} (from {@link #alltoall}). Receives are posted before the sends.
     */
    byte[][] exchange(byte[][] out, int[] inSizes) {
        int n = out.length;
        byte[][] in = new byte[n][];
        List<Comm.Pending> requests = new ArrayList<>(2 * n);
        for (int w = 0; w < n; w++) {
            in[w] = new byte[inSizes[w]];
            requests.add(workers.irecv(in[w], inSizes[w], w, DataTag.BUCKET));
        }
        for (int w = 0; w < n; w++) {
            requests.add(workers.isend(out[w], out[w].length, w, DataTag.BUCKET));
        }
        Comm.awaitAll(requests);
        return in;
    }

    /** Worker to master: a whole message, waiting until the master takes it (flow control for free). */
    void sendBlock(byte[] data) {
        world.send(data, data.length, 0, DataTag.BLOCK);
    }

    /** Master: the next block from {@code worker}. */
    byte[] receiveBlock(int worker) {
        var s = world.awaitProbe(worker + 1, DataTag.BLOCK.code());
        byte[] data = new byte[s.count(byte[].class)];
        world.recv(data, data.length, worker + 1, DataTag.BLOCK);
        return data;
    }
}
