package org.mpjhpc.comm;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * An in-memory world for driver tests: one thread per rank, broadcasts through a shared
 * slot, reductions over every rank's deposit. Only the collectives a test needs exist;
 * anything else fails loudly.
 */
public final class ThreadComm implements Comm {
    private final int rank;
    private final World world;

    private static final class World {
        final CyclicBarrier barrier;
        final Object[] slots;
        volatile byte[] slot;

        World(int size) {
            barrier = new CyclicBarrier(size);
            slots = new Object[size];
        }
    }

    private ThreadComm(int rank, World world) {
        this.rank = rank;
        this.world = world;
    }

    /** Runs {@code body} on {@code size} ranks at once; returns each rank's result, by rank. */
    public static <T> List<T> run(int size, Function<Comm, T> body) throws Exception {
        World world = new World(size);
        ExecutorService pool = Executors.newFixedThreadPool(size);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < size; r++) {
                ThreadComm comm = new ThreadComm(r, world);
                futures.add(pool.submit(() -> body.apply(comm)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(30, TimeUnit.SECONDS));
            }
            return results;
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("a rank failed or hung: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return world.barrier.getParties();
    }

    @Override
    public byte[] broadcast(byte[] data, int root) {
        if (rank == root) {
            world.slot = data.clone();
        }
        await();
        byte[] got = world.slot.clone();
        await(); // nobody overwrites the slot before every rank has read it
        return got;
    }

    private void await() {
        try {
            world.barrier.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("rank " + rank + " gave up waiting for the others", e);
        }
    }

    private static UnsupportedOperationException absent() {
        return new UnsupportedOperationException("not in ThreadComm");
    }

    @Override
    public Pending isend(Object array, int count, int dest, Tag tag) {
        throw absent();
    }

    @Override
    public Pending irecv(Object array, int count, int source, Tag tag) {
        throw absent();
    }

    @Override
    public void send(Object array, int count, int dest, Tag tag) {
        throw absent();
    }

    @Override
    public void recv(Object array, int count, int source, Tag tag) {
        throw absent();
    }

    @Override
    public void recv(Object array, int count, int source, int tag) {
        throw absent();
    }

    @Override
    public void sendReceive(Object out, int dest, Object in, int source, Tag tag) {
        throw absent();
    }

    @Override
    public Envelope probe(int source, int tag) {
        throw absent();
    }

    @Override
    public void broadcast(Object array, int count, int root) {
        throw absent();
    }

    @Override
    public <T> T reduce(T array, Op op, int root) {
        throw absent();
    }

    @Override
    public <T> T allReduce(T array, Op op) {
        world.slots[rank] = array;
        await();
        int n = Array.getLength(array);
        @SuppressWarnings("unchecked")
        T result = (T) Array.newInstance(array.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            double acc = Array.getDouble(world.slots[0], i);
            for (int r = 1; r < size(); r++) {
                double v = Array.getDouble(world.slots[r], i);
                acc = switch (op) {
                    case SUM -> acc + v;
                    case MIN -> Math.min(acc, v);
                    case MAX -> Math.max(acc, v);
                };
            }
            store(result, i, acc);
        }
        await(); // nobody deposits the next operand before every rank has read this one
        return result;
    }

    private static void store(Object array, int i, double v) {
        if (array instanceof int[] a) {
            a[i] = (int) v;
        } else if (array instanceof long[] a) {
            a[i] = (long) v;
        } else {
            ((double[]) array)[i] = v;
        }
    }

    @Override
    public double[] reduce(double[] records, int width, RecordMerge merge, int root) {
        throw absent();
    }

    @Override
    public int[] allToAll(int[] counts) {
        throw absent();
    }

    @Override
    public Comm split(int color, int key) {
        throw absent();
    }

    @Override
    public Cart cartesian(int[] dims, boolean[] periodic) {
        throw absent();
    }
}
