package org.mpjhpc.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.log.Log;

/**
 * Progress of a phase, shown as it runs (the seed's {@code report_progress}): workers
 * send a short note at most twice a second and one when they are done; the master waits
 * for the last "done" by probing with a capped backoff, logging the share done about once
 * a second and warning about a worker it has not heard from for a while.
 */
public final class Progress {
    /** Between a worker's notes: 500 ms, or MPJHPC_PROGRESS_MS (0: a note at every tick; a test uses 3 to make a note just before DONE likely). */
    private static final long NOTE_NANOS = noteMillis() * 1_000_000L;
    private static final long SILENT_NANOS = 30_000_000_000L;

    private Progress() {
    }

    private static long noteMillis() {
        String ms = System.getenv("MPJHPC_PROGRESS_MS");
        try {
            return ms == null ? 500 : Math.max(0, Long.parseLong(ms.trim()));
        } catch (NumberFormatException e) {
            return 500; // a debugging knob: a bad value keeps the default rather than stopping a job
        }
    }

    /** A worker's side: notes that never make it wait. */
    public static final class Reporter {
        private final DataComm comm;
        private final List<Comm.Pending> sent = new ArrayList<>();
        private long last = System.nanoTime();

        public Reporter(DataComm comm) {
            this.comm = comm;
        }

        public void tick(long done) {
            long now = System.nanoTime();
            if (now - last >= NOTE_NANOS) {
                last = now;
                sent.add(comm.note(DataTag.PROGRESS, new long[] {done}));
                sent.removeIf(Comm.Pending::done);
            }
        }

        public void done(long done) {
            sent.add(comm.note(DataTag.DONE, new long[] {done}));
            Comm.awaitAll(sent);
            sent.clear();
        }
    }

    /**
     * The master's side: returns when every worker said it is done.
     *
     * @param phase what the workers do, for the log
     * @param total the amount all of them will have done (bytes, rows), or 0 when unknown
     * @param unit  what {@code total} counts
     */
    public static void watch(DataComm comm, String phase, long total, String unit) {
        int workers = comm.workers();
        long[] done = new long[workers];
        long[] heard = new long[workers];
        long start = System.nanoTime();
        java.util.Arrays.fill(heard, start);
        int finished = 0;
        long lastLog = start;
        Backoff backoff = new Backoff(20_000, 20_000_000);
        boolean input = unit.equals("B") && !phase.equals("shuffle");
        DataBoard.phase(phase);
        while (finished < workers) {
            long[] note = comm.pollNote(1);
            long now = System.nanoTime();
            if (note == null) {
                backoff.idle();
            } else {
                backoff.reset();
                int w = (int) note[0];
                done[w] = note[2];
                heard[w] = now;
                finished += note[1] == DataTag.DONE.ordinal() ? 1 : 0;
                DataBoard.progress(phase, java.util.Arrays.stream(done).sum(), total, unit, input, finished == workers);
            }
            if (now - lastLog >= 1_000_000_000L && finished < workers) {
                lastLog = now;
                log(phase, done, total, unit, now - start);
                warnSilent(heard, now);
            }
        }
    }

    private static void log(String phase, long[] done, long total, String unit, long nanos) {
        long sum = java.util.Arrays.stream(done).sum();
        String share = total > 0 ? String.format(Locale.ROOT, "%.0f%% ", 100.0 * sum / total) : "";
        Log.info(String.format(Locale.ROOT, "%s: %s(%s%s of %s%s, %.1f s)", phase, share, human(sum), unit,
                total > 0 ? human(total) : "?", unit, nanos / 1e9));
    }

    private static void warnSilent(long[] heard, long now) {
        for (int w = 0; w < heard.length; w++) {
            if (now - heard[w] > SILENT_NANOS) {
                Log.warn("worker " + w + " silent for " + (now - heard[w]) / 1_000_000_000L + " s");
            }
        }
    }

    public static String human(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.2f Gi", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f Mi", n / (double) (1L << 20));
        }
        return Long.toString(n);
    }
}
