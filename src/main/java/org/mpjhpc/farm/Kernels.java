package org.mpjhpc.farm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The built-in compute tasks. */
final class Kernels {
    private Kernels() {
    }

    /** Naive recursive Fibonacci, on purpose: a CPU load whose answer is known. */
    static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** The same number computed in a loop, to verify results. */
    static long fibIterative(int n) {
        long a = 0;
        long b = 1;
        for (int i = 0; i < n; i++) {
            long c = a + b;
            a = b;
            b = c;
        }
        return a;
    }

    /** Keeps a core busy for {@code ms}; returns the iterations so the loop is not removed. */
    static long spin(long ms) {
        long deadline = System.nanoTime() + ms * 1_000_000L;
        long iterations = 0;
        while (System.nanoTime() < deadline) {
            iterations++;
        }
        return iterations;
    }

    /**
     * Keeps a core busy until this thread has used {@code ms} of CPU time, so a task costs the
     * same whether or not its process shares a core; returns the iterations.
     */
    static long burnCpu(long ms) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + ms * 1_000_000L;
        long iterations = 0;
        while (true) {
            for (int i = 0; i < 4096; i++) { // the CPU clock costs a system call: read it seldom
                iterations++;
            }
            if (threads.getCurrentThreadCpuTime() >= end) {
                return iterations;
            }
        }
    }
}
