package org.mpjhpc.kernels;

import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.NonBlocking;

/**
 * Nonblocking scatter and gather (built from Isend/Irecv: MPJ Express 0.44 has no Iscatter
 * or Igather): the root's seeded array of whole numbers goes out in blocks, each rank takes
 * its block's sum and mean, and (sum, mean) come back; the global mean from the gathered sums
 * must equal the serial mean exactly, and each block's mean the serial mean of that block.
 */
final class ScatterMean {
    private ScatterMean() {
    }

    static Outcome run(Comm comm, KernelConfig c) {
        Outcome o = new Outcome();
        int total = comm.size() * c.n();
        int[] counts = KernelMath.blocks(total, comm.size());
        double[] all = comm.rank() == 0 ? KernelMath.values(total, c.seed()) : null;
        o.phase("generate");
        NonBlocking.Collective scatter = NonBlocking.scatter(comm, all, counts, 0, KernelTag.SCATTER);
        double[] block = scatter.await();
        o.phase("scatter");
        double sum = 0;
        for (double v : block) {
            sum += v;
        }
        double[] mine = {sum, block.length == 0 ? 0 : sum / block.length};
        o.phase("compute");
        int[] two = new int[comm.size()];
        java.util.Arrays.fill(two, 2);
        double[] got = NonBlocking.gather(comm, mine, two, 0, KernelTag.GATHER).await();
        o.phase("gather");
        if (comm.rank() == 0) {
            verify(o, all, counts, got);
        }
        return o;
    }

    private static void verify(Outcome o, double[] all, int[] counts, double[] got) {
        double serialSum = 0;
        for (double v : all) {
            serialSum += v;
        }
        double gatheredSum = 0;
        boolean blockMeans = true;
        int at = 0;
        for (int r = 0; r < counts.length; r++) {
            double s = 0;
            for (int i = at; i < at + counts[r]; i++) {
                s += all[i];
            }
            blockMeans &= got[2 * r] == s && got[2 * r + 1] == (counts[r] == 0 ? 0 : s / counts[r]);
            gatheredSum += got[2 * r];
            at += counts[r];
        }
        double mean = gatheredSum / all.length;
        o.figures.put("mean", mean);
        o.check(blockMeans, "every rank's block sum and mean equal the serial ones (" + counts.length + " blocks)");
        o.check(mean == serialSum / all.length, "global mean " + mean + " = serial mean of " + all.length
                + " values, exactly");
    }
}
