package org.mpjhpc.kernels;

import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.output.AtomicWrite;

/**
 * MPI micro-benchmarks in the manner of OSU's: ping-pong latency (half the round trip)
 * between ranks 0 and 1, bandwidth with a window of nonblocking sends, and Bcast, Allreduce
 * and Alltoall times, from 1 byte to {@code 2^k} bytes ({@code n} = the largest size). Each
 * size warms up first; times are averages over the iterations, the maximum over ranks for
 * the collectives. Writes {@code micro.csv} (test, bytes, value, unit). Checks that every
 * message arrived whole (the last byte of each size carries a marker).
 */
final class Micro {
    private static final int WINDOW = 64;

    private Micro() {
    }

    static Outcome run(Comm comm, KernelConfig c, String outDir) {
        Outcome o = new Outcome();
        boolean intact = sweep(comm, Math.min(c.n(), 1 << 16), new StringBuilder()); // the JIT warms up: not kept
        o.phase("warm-up");
        StringBuilder csv = new StringBuilder("test,bytes,value,unit\n");
        intact &= sweep(comm, c.n(), csv);
        o.phase("measure");
        double[] bad = comm.reduce(new double[] {intact ? 0 : 1}, Comm.Op.SUM, 0);
        if (comm.rank() == 0) {
            AtomicWrite.text(Path.of(outDir, "micro.csv"), csv.toString());
            o.figures.put("csv", Path.of(outDir, "micro.csv").toString());
            o.check(bad[0] == 0, "every message arrived whole, sizes 1 to " + c.n() + " bytes");
        }
        return o;
    }

    /** Every measurement for sizes 1, 2, 4 ... up to {@code largest} bytes; true when every message was whole. */
    private static boolean sweep(Comm comm, int largest, StringBuilder csv) {
        boolean intact = true;
        for (int size = 1; size <= largest; size *= 2) {
            int iters = Math.max(10, Math.min(1000, (1 << 22) / size));
            if (comm.size() > 1) {
                intact &= pingPong(comm, size, iters, csv);
                intact &= bandwidth(comm, size, Math.max(2, iters / WINDOW), csv);
            }
            collectives(comm, size, Math.max(5, iters / 4), csv);
        }
        return intact;
    }

    /** Half the round trip between ranks 0 and 1, in microseconds; true when every reply was whole. */
    private static boolean pingPong(Comm comm, int size, int iters, StringBuilder csv) {
        byte[] buf = new byte[size];
        boolean whole = true;
        long t0 = 0;
        for (int i = -Math.min(iters, 50); i < iters; i++) { // negative: warm-up
            if (i == 0) {
                t0 = System.nanoTime();
            }
            if (comm.rank() == 0) {
                buf[size - 1] = (byte) i;
                comm.send(buf, size, 1, KernelTag.RING);
                comm.recv(buf, size, 1, KernelTag.RING);
                whole &= buf[size - 1] == (byte) (i + 1);
            } else if (comm.rank() == 1) {
                comm.recv(buf, size, 0, KernelTag.RING);
                buf[size - 1]++;
                comm.send(buf, size, 0, KernelTag.RING);
            }
        }
        if (comm.rank() == 0) {
            row(csv, "latency", size, (System.nanoTime() - t0) / 1e3 / iters / 2, "us");
        }
        return whole;
    }

    /** Windows of nonblocking sends from rank 0 to rank 1, each acknowledged; MB/s. */
    private static boolean bandwidth(Comm comm, int size, int rounds, StringBuilder csv) {
        byte[][] bufs = new byte[WINDOW][size];
        byte[] ack = new byte[1];
        boolean whole = true;
        long t0 = 0;
        for (int round = -1; round < rounds; round++) { // round -1: warm-up
            if (round == 0) {
                t0 = System.nanoTime();
            }
            java.util.List<Comm.Pending> pending = new java.util.ArrayList<>();
            for (int w = 0; w < WINDOW; w++) {
                if (comm.rank() == 0) {
                    bufs[w][size - 1] = (byte) w;
                    pending.add(comm.isend(bufs[w], size, 1, KernelTag.SHIFT_A));
                } else if (comm.rank() == 1) {
                    pending.add(comm.irecv(bufs[w], size, 0, KernelTag.SHIFT_A));
                }
            }
            Comm.awaitAll(pending);
            if (comm.rank() == 1) {
                for (int w = 0; w < WINDOW; w++) {
                    whole &= bufs[w][size - 1] == (byte) w;
                }
                comm.send(ack, 1, 0, KernelTag.SHIFT_B);
            } else if (comm.rank() == 0) {
                comm.recv(ack, 1, 1, KernelTag.SHIFT_B);
            }
        }
        if (comm.rank() == 0) {
            double seconds = (System.nanoTime() - t0) / 1e9;
            row(csv, "bandwidth", size, (double) size * WINDOW * rounds / seconds / 1e6, "MB/s");
        }
        return whole;
    }

    /** Bcast, Allreduce (of doubles: size / 8 of them, at least one) and Alltoall, microseconds each. */
    private static void collectives(Comm comm, int size, int iters, StringBuilder csv) {
        byte[] bytes = new byte[size];
        double[] doubles = new double[Math.max(1, size / 8)];
        byte[] all = new byte[size * comm.size()];
        double[] times = new double[3];
        for (int k = 0; k < 3; k++) {
            long t0 = 0;
            for (int i = -2; i < iters; i++) {
                if (i == 0) {
                    t0 = System.nanoTime();
                }
                switch (k) {
                    case 0 -> comm.broadcast(bytes, size, 0);
                    case 1 -> comm.allReduce(doubles, Comm.Op.SUM);
                    default -> comm.allToAll(all, size);
                }
            }
            times[k] = (System.nanoTime() - t0) / 1e3 / iters;
        }
        double[] max = comm.reduce(times, Comm.Op.MAX, 0);
        if (comm.rank() == 0) {
            row(csv, "bcast", size, max[0], "us");
            row(csv, "allreduce", size, max[1], "us");
            row(csv, "alltoall", size, max[2], "us");
        }
    }

    private static void row(StringBuilder csv, String test, int size, double value, String unit) {
        csv.append(String.format(Locale.ROOT, "%s,%d,%.4f,%s%n", test, size, value, unit));
    }
}
