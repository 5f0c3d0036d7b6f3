package org.mpjhpc.kernels;

import java.util.Locale;
import org.mpjhpc.comm.Cart;
import org.mpjhpc.comm.Comm;

/**
 * A user-defined reduction over a Cartesian topology: the ranks form a grid
 * ({@code Create_cart}); the rank at coordinates (i, j) holds the n whole numbers after
 * (i * columns + j) * n, and one Reduce with the project's own operation, on records of
 * (sum of squares, count), brings 1^2 + ... + N^2 and N to the root: checked against
 * N (N + 1) (2N + 1) / 6.
 */
final class SumOfSquares {
    private SumOfSquares() {
    }

    static Outcome run(Comm comm, KernelConfig c) {
        Outcome o = new Outcome();
        int[] dims = KernelMath.grid(comm.size());
        Cart cart = comm.cartesian(dims, new boolean[] {false, false});
        int[] at = cart.coords();
        long first = ((long) at[0] * dims[1] + at[1]) * c.n(); // this rank's values follow it
        double[] mine = new double[2];
        for (long v = first + 1; v <= first + c.n(); v++) {
            mine[0] += (double) v * v;
        }
        mine[1] = c.n();
        o.phase("compute");
        double[] total = cart.reduce(mine, 2, (in, i, io, j) -> {
            io[j] += in[i];
            io[j + 1] += in[i + 1];
        }, 0);
        o.phase("reduce");
        if (cart.rank() == 0) {
            long m = (long) comm.size() * c.n();
            double expected = KernelMath.sumOfSquares(m);
            o.figures.put("grid", dims[0] + " x " + dims[1]);
            o.figures.put("sum_of_squares", total[0]);
            o.check(total[1] == m, "the reduction counted " + (long) total[1] + " of " + m + " values");
            o.check(total[0] == expected, String.format(Locale.ROOT,
                    "sum of squares %.0f = N(N+1)(2N+1)/6 = %.0f for N = %d (grid %d x %d)", total[0], expected, m,
                    dims[0], dims[1]));
        }
        return o;
    }
}
