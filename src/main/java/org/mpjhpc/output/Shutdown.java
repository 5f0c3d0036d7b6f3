package org.mpjhpc.output;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stop signal (SIGTERM from {@code mpjrun}, {@code scancel} or a time limit; SIGINT) as a
 * job sees it. The JVM's shutdown hook raises {@link #requested()}; a job that can save its
 * state says how long it needs ({@link #saveWithin}) and the hook waits that long for the
 * rank to end on its own, with the job's report written and its exit status reported
 * ({@link #ended}). Cleanups (a half-written file) run in the hook whatever happens.
 */
public final class Shutdown {
    /** The exit code of a job stopped by a signal after saving what it had done. */
    public static final int EXIT_CODE = 4;

    private static volatile boolean requested;
    private static volatile long saveMs;
    private static int running; // ranks of this JVM that have not ended (all of them on the multicore device)
    private static boolean installed;
    private static final List<Runnable> CLEANUPS = new CopyOnWriteArrayList<>();

    private Shutdown() {
    }

    /** A rank starts in this JVM; the first one installs the hook. */
    public static synchronized void install() {
        running++;
        if (!installed) {
            installed = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Shutdown::stopping, "shutdown"));
        }
    }

    private static void stopping() {
        synchronized (Shutdown.class) {
            if (running == 0) {
                return; // every rank ended on its own: an ordinary exit
            }
        }
        requested = true;
        long wait = saveMs;
        // On the multicore device each rank has its own copy of this class: say it once per JVM.
        boolean first = System.getProperties().putIfAbsent("mpjhpc.stopping", "yes") == null;
        if (wait > 0) {
            if (first) {
                System.err.println("stop signal: the job saves its state (up to " + wait / 1000 + " s)");
            }
            if (!awaitEnd(wait) && first) {
                System.err.println("stop signal: the job did not end within " + wait / 1000 + " s; stopping now");
            }
        }
        CLEANUPS.forEach(Runnable::run);
    }

    private static synchronized boolean awaitEnd(long ms) {
        long deadline = System.currentTimeMillis() + ms;
        try {
            for (long left = ms; running > 0 && left > 0; left = deadline - System.currentTimeMillis()) {
                Shutdown.class.wait(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return running == 0;
    }

    /** True once a stop signal has arrived: stop starting work, save, and end. */
    public static boolean requested() {
        return requested;
    }

    /** The running job can save its state on a stop signal, given {@code ms} to do it. */
    public static void saveWithin(long ms) {
        saveMs = ms;
    }

    /** Runs {@code cleanup} if the JVM stops before the job ends (it must be quick). */
    public static void onStop(Runnable cleanup) {
        CLEANUPS.add(cleanup);
    }

    /** Runs the cleanups now: the job ends without its shutdown hook (a lost rank halts the JVM). */
    public static void clean() {
        CLEANUPS.forEach(Runnable::run);
    }

    /** A cleanup is no longer needed (its file is complete). */
    public static void forget(Runnable cleanup) {
        CLEANUPS.remove(cleanup);
    }

    /** A rank's job has ended (rank 0: and its status is reported); the hook waits for the others only. */
    public static synchronized void ended() {
        running--;
        Shutdown.class.notifyAll();
    }

    /** For tests: as if a stop signal had arrived. */
    public static void requestForTest(boolean on) {
        requested = on;
    }
}
