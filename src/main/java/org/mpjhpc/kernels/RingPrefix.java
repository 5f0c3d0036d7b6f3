package org.mpjhpc.kernels;

import org.mpjhpc.comm.Cart;
import org.mpjhpc.comm.Comm;

/**
 * A prefix sum passed around a ring with Sendrecv: rank r holds n values (r + 1)^2 + i; in
 * p - 1 steps every rank sends on what it last received and adds what comes from a rank
 * before it, ending with the inclusive prefix. Checked on every rank against Scan and the
 * closed form (r + 1)(r + 2)(2r + 3) / 6 + (r + 1) i.
 */
final class RingPrefix {
    private RingPrefix() {
    }

    static Outcome run(Comm comm, KernelConfig c) {
        Outcome o = new Outcome();
        Cart ring = comm.cartesian(new int[] {comm.size()}, new boolean[] {true});
        int[] neighbours = ring.shift(0); // {left, right}
        int r = ring.rank();
        double[] mine = new double[c.n()];
        for (int i = 0; i < mine.length; i++) {
            mine[i] = (double) (r + 1) * (r + 1) + i;
        }
        double[] prefix = mine.clone();
        double[] passing = mine.clone();
        double[] incoming = new double[mine.length];
        for (int step = 1; step < ring.size(); step++) {
            ring.sendReceive(passing, neighbours[1], incoming, neighbours[0], KernelTag.RING);
            if (step <= r) { // it comes from rank r - step, before this one
                for (int i = 0; i < prefix.length; i++) {
                    prefix[i] += incoming[i];
                }
            }
            double[] t = passing;
            passing = incoming;
            incoming = t;
        }
        o.phase("ring");
        double[] scan = ring.scan(mine, Comm.Op.SUM);
        o.phase("scan");
        boolean closed = true;
        for (int i = 0; i < prefix.length; i++) {
            closed &= prefix[i] == KernelMath.sumOfSquares(r + 1) + (double) (r + 1) * i;
        }
        boolean same = java.util.Arrays.equals(prefix, scan);
        double[] bad = ring.reduce(new double[] {closed ? 0 : 1, same ? 0 : 1}, Comm.Op.SUM, 0);
        if (r == 0) {
            o.check(bad[0] == 0, "every rank's ring prefix is the closed form (" + (long) bad[0] + " rank(s) wrong)");
            o.check(bad[1] == 0, "every rank's ring prefix equals Scan (" + (long) bad[1] + " rank(s) differ)");
        }
        return o;
    }
}
