package org.mpjhpc.data;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;

/**
 * The big-data jobs' view of the {@link Comm}: world rank 0 is the master and holds no
 * data, so in the world collectives it contributes the identity (empty statistics, zero
 * counts); the workers also form their own communicator for the shuffle's all-to-all.
 * Worker numbers here are world ranks minus one.
 */
public final class DataComm {
    private final Comm world;
    private final Comm workers;

    public DataComm(Comm world) {
        this.world = world;
        this.workers = world.split(world.rank() == 0 ? 0 : 1, world.rank());
    }

    public boolean master() {
        return world.rank() == 0;
    }

    /** This worker's index, 0 to workers - 1 (-1 on the master). */
    public int worker() {
        return world.rank() - 1;
    }

    public int workers() {
        return world.size() - 1;
    }

    /** Records of {@code width} doubles merged by {@code merge} over all ranks, at the master (null elsewhere). */
    public double[] reduce(double[] records, int width, Comm.RecordMerge merge) {
        return world.reduce(records, width, merge, 0);
    }

    /** Element-wise sums at the master (null elsewhere). */
    public long[] sum(long[] mine) {
        return world.reduce(mine, Comm.Op.SUM, 0);
    }

    /** Element-wise minima at the master (null elsewhere). */
    public double[] min(double[] mine) {
        return world.reduce(mine, Comm.Op.MIN, 0);
    }

    /** Element-wise maxima at the master (null elsewhere). */
    public double[] max(double[] mine) {
        return world.reduce(mine, Comm.Op.MAX, 0);
    }

    /** The master's bytes, on every rank. */
    public byte[] bcast(byte[] data) {
        return world.broadcast(data, 0);
    }

    public double[] bcast(double[] data, int n) {
        double[] buffer = master() ? data : new double[n];
        world.broadcast(buffer, n, 0);
        return buffer;
    }

    /** Every worker's bytes, in worker order, at the master (workers get null). */
    public List<byte[]> gather(byte[] mine) {
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
    public Comm.Pending sendChunk(int worker, byte[] buffer, int length) {
        return world.isend(buffer, length, worker + 1, DataTag.CHUNK);
    }

    /** Worker: posts the receive of the next chunk into {@code buffer}; it completes with the bytes received. */
    public Comm.Pending postChunk(byte[] buffer) {
        return world.irecv(buffer, buffer.length, 0, DataTag.CHUNK);
    }

    /** Worker to master: a short note of progress (or of being done) that does not wait. */
    public Comm.Pending note(DataTag kind, long[] values) {
        long[] message = new long[values.length + 1];
        message[0] = kind.ordinal();
        System.arraycopy(values, 0, message, 1, values.length);
        // One tag for every kind: MPI keeps a worker's notes in the order sent, so its DONE is
        // its last. (With a tag per kind the master could take DONE first, leave a PROGRESS
        // unreceived and the worker waiting for it forever: seen as a hang.)
        return world.isend(message, message.length, 0, DataTag.NOTE);
    }

    /** Master: the next progress note from any worker, if one waits: {worker, kind ordinal, values...}. */
    public long[] pollNote(int n) {
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
    public int[] alltoall(int[] counts) {
        return workers.allToAll(counts);
    }

    /**
     * Workers only: sends {@code out[w]} to worker w and returns what each sent here, sized
     * by {@code inSizes} (from {@link #alltoall}). Receives are posted before the sends.
     */
    public byte[][] exchange(byte[][] out, int[] inSizes) {
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

    /**
     * Workers only: sends the pieces in {@code out[w]} to worker w, in order, and returns the
     * pieces each worker sent here, in order: as {@link #exchange}, for more than one message
     * can carry (MPJ counts a message's bytes in an int). The piece counts go by
     * {@code Alltoall}, each pair's piece sizes ahead of its pieces.
     *
     * <p>At most one piece per peer is in flight each way. MPJ takes a buffer for every send
     * and every posted receive from a buddy pool that, when no free block is large enough,
     * adds a region one level larger than all before it: with a gigabyte of receives posted
     * at once it asked for 2^31 bytes and failed ("capacity < 0"). One piece per pair keeps
     * the pool small and cannot deadlock: each pair's next piece is always posted on both sides.
     */
    public List<List<byte[]>> exchangePieces(List<List<byte[]>> out) {
        int n = out.size();
        int[] counts = new int[n];
        for (int w = 0; w < n; w++) {
            counts[w] = out.get(w).size();
        }
        int[] incoming = alltoall(counts);
        int[] sent = new int[n];
        int[][] inSizes = sizes(out, incoming);
        List<List<byte[]>> in = new ArrayList<>();
        for (int w = 0; w < n; w++) {
            in.add(new ArrayList<>());
        }
        int me = worker();
        // A worker's own pieces stay where they are. Sent to itself through MPJ, each was copied
        // into MPJ's buffer pool, which kept adding new zeroed direct regions: the 100 MB
        // inverted index's exchange took 5.0-5.4 s with them, 2.3-2.6 s without.
        in.set(me, out.get(me));
        inSizes[me] = new int[0];
        sent[me] = out.get(me).size();
        Comm.Pending[] receiving = new Comm.Pending[n];
        Comm.Pending[] sending = new Comm.Pending[n];
        Backoff backoff = new Backoff(1_000, 1_000_000);
        while (true) {
            boolean busy = false;
            boolean progress = false;
            for (int w = 0; w < n; w++) {
                if (receiving[w] != null && receiving[w].done()) {
                    receiving[w] = null;
                    progress = true;
                }
                if (receiving[w] == null && in.get(w).size() < inSizes[w].length) {
                    byte[] piece = new byte[inSizes[w][in.get(w).size()]];
                    in.get(w).add(piece);
                    receiving[w] = workers.irecv(piece, piece.length, w, DataTag.BUCKET);
                }
                if (sending[w] != null && sending[w].done()) {
                    sending[w] = null;
                    progress = true;
                }
                if (sending[w] == null && sent[w] < out.get(w).size()) {
                    byte[] piece = out.get(w).get(sent[w]++);
                    sending[w] = workers.isend(piece, piece.length, w, DataTag.BUCKET);
                }
                busy |= receiving[w] != null || sending[w] != null;
            }
            if (!busy) {
                return in;
            }
            if (progress) {
                backoff.reset();
            } else {
                backoff.idle();
            }
        }
    }

    /** Each pair's piece sizes, exchanged ahead of the pieces. */
    private int[][] sizes(List<List<byte[]>> out, int[] incoming) {
        int n = out.size();
        List<Comm.Pending> requests = new ArrayList<>();
        int[][] inSizes = new int[n][];
        for (int w = 0; w < n; w++) {
            inSizes[w] = new int[incoming[w]];
            if (incoming[w] > 0) {
                requests.add(workers.irecv(inSizes[w], incoming[w], w, DataTag.PIECES));
            }
        }
        for (int w = 0; w < n; w++) {
            int[] sizes = new int[out.get(w).size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = out.get(w).get(i).length;
            }
            if (sizes.length > 0) {
                requests.add(workers.isend(sizes, sizes.length, w, DataTag.PIECES));
            }
        }
        Comm.awaitAll(requests);
        return inSizes;
    }

    /** Worker to master: a whole message, waiting until the master takes it (flow control for free). */
    public void sendBlock(byte[] data) {
        world.send(data, data.length, 0, DataTag.BLOCK);
    }

    /** Master: the next block from {@code worker}. */
    public byte[] receiveBlock(int worker) {
        var s = world.awaitProbe(worker + 1, DataTag.BLOCK.code());
        byte[] data = new byte[s.count(byte[].class)];
        world.recv(data, data.length, worker + 1, DataTag.BLOCK);
        return data;
    }

    /** Worker to master: a MapReduce report (ready, or how the last task went). */
    public void report(byte[] data) {
        world.send(data, data.length, 0, DataTag.REPORT);
    }

    /** A message and the worker it came from. */
    public record Received(int worker, byte[] data) {
    }

    /** Master: the next report from any worker, waiting for it. */
    public Received awaitReport() {
        var s = world.awaitProbe(Comm.ANY, DataTag.REPORT.code());
        byte[] data = new byte[s.count(byte[].class)];
        world.recv(data, data.length, s.source(), DataTag.REPORT);
        return new Received(s.source() - 1, data);
    }

    /** Master to worker: an order (a map task, or the end of the map phase). */
    public void order(int worker, byte[] data) {
        world.send(data, data.length, worker + 1, DataTag.ORDER);
    }

    /** Worker: the master's next order, waiting for it. */
    public byte[] awaitOrder() {
        var s = world.awaitProbe(0, DataTag.ORDER.code());
        byte[] data = new byte[s.count(byte[].class)];
        world.recv(data, data.length, 0, DataTag.ORDER);
        return data;
    }
}
