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
        volatile java.util.Map<Integer, World> groups;
        /** Per destination rank: messages sent to it and not yet received, in the order sent. */
        final List<List<Mail>> inboxes = new ArrayList<>();

        World(int size) {
            barrier = new CyclicBarrier(size);
            slots = new Object[size];
            for (int r = 0; r < size; r++) {
                inboxes.add(new ArrayList<>());
            }
        }
    }

    private record Mail(int source, int tag, Object data) {
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
        send(array, count, dest, tag);
        return done(count);
    }

    /** A receive completed when tested or awaited: the message is taken from the inbox then. */
    @Override
    public Pending irecv(Object array, int count, int source, Tag tag) {
        return new Pending() {
            private boolean complete;

            @Override
            public boolean done() {
                if (!complete) {
                    complete = take(array, count, source, tag.code());
                }
                return complete;
            }

            @Override
            public int await() {
                if (!complete) {
                    recv(array, count, source, tag.code());
                    complete = true;
                }
                return count;
            }
        };
    }

    private boolean take(Object array, int count, int source, int tag) {
        List<Mail> inbox = world.inboxes.get(rank);
        synchronized (inbox) {
            for (int i = 0; i < inbox.size(); i++) {
                Mail m = inbox.get(i);
                if ((source == ANY || m.source() == source) && m.tag() == tag) {
                    inbox.remove(i);
                    System.arraycopy(m.data(), 0, array, 0, Math.min(count, Array.getLength(m.data())));
                    return true;
                }
            }
            return false;
        }
    }

    /** Sends are buffered (MPI allows it): the copy waits in the destination's inbox. */
    @Override
    public void send(Object array, int count, int dest, Tag tag) {
        Object copy = Array.newInstance(array.getClass().getComponentType(), count);
        System.arraycopy(array, 0, copy, 0, count);
        List<Mail> inbox = world.inboxes.get(dest);
        synchronized (inbox) {
            inbox.add(new Mail(rank, tag.code(), copy));
            inbox.notifyAll();
        }
    }

    @Override
    public void recv(Object array, int count, int source, Tag tag) {
        recv(array, count, source, tag.code());
    }

    /** Takes the first message from {@code source} with {@code tag}, waiting up to 30 s for it. */
    @Override
    public void recv(Object array, int count, int source, int tag) {
        List<Mail> inbox = world.inboxes.get(rank);
        long deadline = System.nanoTime() + 30_000_000_000L;
        synchronized (inbox) {
            while (true) {
                for (int i = 0; i < inbox.size(); i++) {
                    Mail m = inbox.get(i);
                    if ((source == ANY || m.source() == source) && m.tag() == tag) {
                        inbox.remove(i);
                        System.arraycopy(m.data(), 0, array, 0, Math.min(count, Array.getLength(m.data())));
                        return;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("rank " + rank + " waited 30 s for tag " + tag + " from " + source);
                }
                try {
                    inbox.wait(left / 1_000_000 + 1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static Pending done(int count) {
        return new Pending() {
            @Override
            public boolean done() {
                return true;
            }

            @Override
            public int await() {
                return count;
            }
        };
    }

    /** Sends are buffered, so sending first cannot deadlock a ring. */
    @Override
    public void sendReceive(Object out, int dest, Object in, int source, Tag tag) {
        send(out, Array.getLength(out), dest, tag);
        recv(in, Array.getLength(in), source, tag);
    }

    @Override
    public Envelope probe(int source, int tag) {
        throw absent();
    }

    @Override
    public void broadcast(Object array, int count, int root) {
        world.slots[rank] = array;
        await();
        if (rank != root) {
            System.arraycopy(world.slots[root], 0, array, 0, count);
        }
        await();
    }

    @Override
    public <T> T reduce(T array, Op op, int root) {
        T all = allReduce(array, op);
        return rank == root ? all : null;
    }

    @Override
    public <T> T allReduce(T array, Op op) {
        return fold(array, op, size() - 1);
    }

    /** The element-wise op over ranks 0..last's arrays (every rank, or a prefix for Scan). */
    private <T> T fold(T array, Op op, int last) {
        world.slots[rank] = array;
        await();
        int n = Array.getLength(array);
        @SuppressWarnings("unchecked")
        T result = (T) Array.newInstance(array.getClass().getComponentType(), n);
        for (int i = 0; i < n; i++) {
            double acc = Array.getDouble(world.slots[0], i);
            for (int r = 1; r <= last; r++) {
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

    /** Merges the records in rank order, as an associative user operation may be applied. */
    @Override
    public double[] reduce(double[] records, int width, RecordMerge merge, int root) {
        world.slots[rank] = records;
        await();
        double[] result = null;
        if (rank == root) {
            result = ((double[]) world.slots[0]).clone();
            for (int r = 1; r < size(); r++) {
                for (int k = 0; k < result.length; k += width) {
                    merge.merge((double[]) world.slots[r], k, result, k);
                }
            }
        }
        await();
        return result;
    }

    @Override
    public int[] allToAll(int[] counts) {
        throw absent();
    }

    @Override
    public byte[] allToAll(byte[] send, int block) {
        world.slots[rank] = send;
        await();
        byte[] got = new byte[send.length];
        for (int r = 0; r < size(); r++) {
            System.arraycopy((byte[]) world.slots[r], rank * block, got, r * block, block);
        }
        await();
        return got;
    }

    @Override
    public <T> T scan(T array, Op op) {
        return fold(array, op, rank);
    }

    @Override
    public double[] scatter(double[] all, int[] counts, int root) {
        world.slots[rank] = all;
        await();
        int at = 0;
        for (int r = 0; r < rank; r++) {
            at += counts[r];
        }
        double[] mine = java.util.Arrays.copyOfRange((double[]) world.slots[root], at, at + counts[rank]);
        await();
        return mine;
    }

    @Override
    public double[] gather(double[] mine, int[] counts, int root) {
        world.slots[rank] = mine;
        await();
        double[] all = null;
        if (rank == root) {
            all = new double[java.util.Arrays.stream(counts).sum()];
            int at = 0;
            for (int r = 0; r < size(); r++) {
                System.arraycopy((double[]) world.slots[r], 0, all, at, counts[r]);
                at += counts[r];
            }
        }
        await();
        return all;
    }

    /** A new world per color, ranks ordered by key then by old rank, as MPI's Comm_split. */
    @Override
    public Comm split(int color, int key) {
        world.slots[rank] = new int[] {color, key, rank};
        await();
        if (rank == 0) {
            java.util.Map<Integer, Integer> sizes = new java.util.HashMap<>();
            for (Object o : world.slots) {
                sizes.merge(((int[]) o)[0], 1, Integer::sum);
            }
            java.util.Map<Integer, World> groups = new java.util.HashMap<>();
            sizes.forEach((c, n) -> groups.put(c, new World(n)));
            world.groups = groups;
        }
        await();
        int newRank = 0;
        for (Object o : world.slots) {
            int[] other = (int[]) o;
            boolean before = other[1] < key || (other[1] == key && other[2] < rank);
            newRank += other[0] == color && before ? 1 : 0;
        }
        ThreadComm mine = new ThreadComm(newRank, world.groups.get(color));
        await(); // nobody deposits again before every rank has read the colors
        return mine;
    }

    @Override
    public Cart cartesian(int[] dims, boolean[] periodic) {
        throw absent();
    }
}
