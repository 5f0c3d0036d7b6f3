package org.mpjhpc.comm;

import java.util.ArrayList;
import java.util.List;

/**
 * Nonblocking Scatter and Gather, which MPJ Express 0.44 does not have (its Intracomm has no
 * Iscatter, Igather or any other nonblocking collective): built from {@link Comm#isend} and
 * {@link Comm#irecv}, every receive posted before the root's sends go out. They deliver what
 * {@link Comm#scatter} and {@link Comm#gather} deliver; work may be done between the call
 * and {@link Collective#await}. One of each may be in flight per tag.
 */
public final class NonBlocking {
    private NonBlocking() {
    }

    /** A collective in flight; {@link #await} returns its result on this rank. */
    public interface Collective {
        /** True once this rank's part is complete. */
        boolean done();

        /** Waits for this rank's part; its block (scatter) or the whole at the root, null elsewhere (gather). */
        double[] await();
    }

    /** Iscatter: rank r's {@code counts[r]} elements of root's {@code all}. */
    public static Collective scatter(Comm comm, double[] all, int[] counts, int root, Tag tag) {
        int rank = comm.rank();
        double[] mine = new double[counts[rank]];
        List<Comm.Pending> pending = new ArrayList<>();
        if (rank != root) {
            pending.add(comm.irecv(mine, mine.length, root, tag));
        } else {
            int at = 0;
            for (int r = 0; r < comm.size(); r++) {
                if (r == rank) {
                    System.arraycopy(all, at, mine, 0, counts[r]);
                } else {
                    double[] block = java.util.Arrays.copyOfRange(all, at, at + counts[r]);
                    pending.add(comm.isend(block, block.length, r, tag));
                }
                at += counts[r];
            }
        }
        return collective(pending, () -> mine);
    }

    /** Igather: every rank's {@code mine} ({@code counts[r]} elements) in rank order at the root. */
    public static Collective gather(Comm comm, double[] mine, int[] counts, int root, Tag tag) {
        int rank = comm.rank();
        List<Comm.Pending> pending = new ArrayList<>();
        if (rank != root) {
            pending.add(comm.isend(mine, mine.length, root, tag));
            return collective(pending, () -> null);
        }
        double[][] blocks = new double[comm.size()][];
        for (int r = 0; r < comm.size(); r++) {
            blocks[r] = r == rank ? mine.clone() : new double[counts[r]];
            if (r != rank) {
                pending.add(comm.irecv(blocks[r], counts[r], r, tag));
            }
        }
        return collective(pending, () -> {
            double[] all = new double[java.util.Arrays.stream(counts).sum()];
            int at = 0;
            for (double[] b : blocks) {
                System.arraycopy(b, 0, all, at, b.length);
                at += b.length;
            }
            return all;
        });
    }

    /**
     * A nonblocking Allreduce(MIN): this rank's values to every other rank, theirs received,
     * the minimum taken on {@link Collective#await}. A minimum does not depend on the order it
     * is taken in, so the result is bitwise the blocking one's. For the few ranks of a
     * solver's communicator (p - 1 messages each way per rank).
     */
    public static Collective allMin(Comm comm, double[] values, Tag tag) {
        List<Comm.Pending> pending = new ArrayList<>();
        double[][] theirs = new double[comm.size()][];
        for (int r = 0; r < comm.size(); r++) {
            if (r != comm.rank()) {
                theirs[r] = new double[values.length];
                pending.add(comm.irecv(theirs[r], values.length, r, tag));
            }
        }
        double[] mine = values.clone();
        for (int r = 0; r < comm.size(); r++) {
            if (r != comm.rank()) {
                pending.add(comm.isend(mine, mine.length, r, tag));
            }
        }
        return collective(pending, () -> {
            double[] min = mine.clone();
            for (double[] t : theirs) {
                for (int i = 0; t != null && i < min.length; i++) {
                    min[i] = Math.min(min[i], t[i]);
                }
            }
            return min;
        });
    }

    private static Collective collective(List<Comm.Pending> pending, java.util.function.Supplier<double[]> result) {
        return new Collective() {
            @Override
            public boolean done() {
                return pending.stream().allMatch(Comm.Pending::done);
            }

            @Override
            public double[] await() {
                Comm.awaitAll(pending);
                return result.get();
            }
        };
    }
}
