package org.mpjhpc.kernels;

import org.mpjhpc.comm.Cart;
import org.mpjhpc.comm.Comm;

/**
 * Matrix multiplication two ways, each checked against the serial product (whole numbers:
 * exact). Row blocks: B broadcast, A scattered by rows, C gathered by rows. Cannon, on a q x q
 * periodic grid when the ranks are a square q^2 and q divides n: A and B scattered in blocks,
 * skewed, then q steps of multiply-add with A shifted left and B up.
 */
final class MatMul {
    private MatMul() {
    }

    static Outcome run(Comm comm, KernelConfig c) {
        Outcome o = new Outcome();
        int n = c.n();
        double[] a = comm.rank() == 0 ? KernelMath.matrix(n, c.seed()) : null;
        double[] b = comm.rank() == 0 ? KernelMath.matrix(n, c.seed() + 1) : new double[n * n];
        double[] serial = comm.rank() == 0 ? KernelMath.product(a, b, n) : null;
        comm.allReduce(new int[1], Comm.Op.SUM); // the clocks start together
        o.restart();
        long t0 = System.nanoTime();
        double[] rows = rowBlocks(comm, o, a, b, n);
        double rowSeconds = (System.nanoTime() - t0) / 1e9;
        o.figures.put("row_blocks_s", rowSeconds);
        if (comm.rank() == 0) {
            o.check(java.util.Arrays.equals(rows, serial), "row blocks: C = A x B (" + n + " x " + n
                    + ") equals the serial product");
        }
        int q = (int) Math.round(Math.sqrt(comm.size()));
        if (q * q != comm.size() || n % q != 0) {
            o.figures.put("cannon", "skipped: " + comm.size() + " rank(s) " + (q * q != comm.size()
                    ? "are not a square" : "do not divide n = " + n + " into " + q + " blocks"));
            return o;
        }
        comm.allReduce(new int[1], Comm.Op.SUM);
        o.restart();
        long t1 = System.nanoTime();
        double[] cannon = Cannon.run(comm, o, a, b, n, q);
        double cannonSeconds = (System.nanoTime() - t1) / 1e9;
        o.figures.put("cannon_s", cannonSeconds);
        o.figures.put("cannon_over_row_blocks", cannonSeconds / rowSeconds);
        if (comm.rank() == 0) {
            o.check(java.util.Arrays.equals(cannon, serial), "Cannon on a " + q + " x " + q
                    + " grid: C equals the serial product");
        }
        return o;
    }

    private static double[] rowBlocks(Comm comm, Outcome o, double[] a, double[] b, int n) {
        comm.broadcast(b, b.length, 0);
        o.phase("rows bcast B");
        int[] counts = KernelMath.blocks(n, comm.size());
        int[] cells = counts.clone();
        for (int r = 0; r < cells.length; r++) {
            cells[r] *= n;
        }
        double[] myRows = comm.scatter(a, cells, 0);
        o.phase("rows scatter A");
        double[] mine = new double[myRows.length];
        KernelMath.multiplyAdd(myRows, b, mine, counts[comm.rank()], n, n);
        o.phase("rows compute");
        double[] all = comm.gather(mine, cells, 0);
        o.phase("rows gather C");
        return all;
    }

    /** Cannon's algorithm on a q x q periodic grid. */
    static final class Cannon {
        private Cannon() {
        }

        static double[] run(Comm comm, Outcome o, double[] a, double[] b, int n, int q) {
            Cart grid = comm.cartesian(new int[] {q, q}, new boolean[] {true, true});
            int bs = n / q;
            int[] cells = new int[q * q];
            java.util.Arrays.fill(cells, bs * bs);
            double[] myA = grid.scatter(grid.rank() == 0 ? blocked(a, n, q) : null, cells, 0);
            double[] myB = grid.scatter(grid.rank() == 0 ? blocked(b, n, q) : null, cells, 0);
            o.phase("cannon scatter");
            int[] at = grid.coords();
            int i = at[0];
            int j = at[1];
            myA = move(grid, myA, i * q + Math.floorMod(j - i, q), i * q + Math.floorMod(j + i, q), KernelTag.SHIFT_A);
            myB = move(grid, myB, Math.floorMod(i - j, q) * q + j, Math.floorMod(i + j, q) * q + j, KernelTag.SHIFT_B);
            o.phase("cannon skew");
            double[] myC = new double[bs * bs];
            for (int step = 0; step < q; step++) {
                long t0 = System.nanoTime();
                KernelMath.multiplyAdd(myA, myB, myC, bs, bs, bs);
                o.phases.merge("cannon compute", (System.nanoTime() - t0) / 1e9, Double::sum);
                if (step + 1 < q) {
                    long t1 = System.nanoTime();
                    myA = move(grid, myA, i * q + Math.floorMod(j - 1, q), i * q + Math.floorMod(j + 1, q),
                            KernelTag.SHIFT_A);
                    myB = move(grid, myB, Math.floorMod(i - 1, q) * q + j, Math.floorMod(i + 1, q) * q + j,
                            KernelTag.SHIFT_B);
                    o.phases.merge("cannon shift", (System.nanoTime() - t1) / 1e9, Double::sum);
                }
            }
            o.restart();
            double[] all = grid.gather(myC, cells, 0);
            o.phase("cannon gather");
            return grid.rank() == 0 ? unblocked(all, n, q) : null;
        }

        /** Sends {@code blk} to {@code dest}, returns what {@code source} sent here. */
        private static double[] move(Cart grid, double[] blk, int dest, int source, KernelTag tag) {
            if (dest == grid.rank()) {
                return blk;
            }
            double[] in = new double[blk.length];
            grid.sendReceive(blk, dest, in, source, tag);
            return in;
        }

        /** The matrix as q x q blocks, block (bi, bj) at rank bi * q + bj's place. */
        private static double[] blocked(double[] m, int n, int q) {
            int bs = n / q;
            double[] out = new double[n * n];
            for (int bi = 0; bi < q; bi++) {
                for (int bj = 0; bj < q; bj++) {
                    System.arraycopy(KernelMath.block(m, n, bs, bi, bj), 0, out, (bi * q + bj) * bs * bs, bs * bs);
                }
            }
            return out;
        }

        private static double[] unblocked(double[] blocks, int n, int q) {
            int bs = n / q;
            double[] m = new double[n * n];
            for (int r = 0; r < q * q; r++) {
                KernelMath.place(java.util.Arrays.copyOfRange(blocks, r * bs * bs, (r + 1) * bs * bs), m, n, bs,
                        r / q, r % q);
            }
            return m;
        }
    }
}
