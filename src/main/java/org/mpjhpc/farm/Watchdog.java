package org.mpjhpc.farm;

/**
 * The job-level progress watchdog ({@code watchdog_s}): while workers hold tasks, some
 * task must finish within the limit. Heartbeats do not count: they come from a worker's
 * communication thread, which lives on while its tasks are stuck. Pure logic on the
 * master's clock.
 */
final class Watchdog {
    private final long limitNanos;
    private long lastProgress;

    /** @param limitMs no progress for this long is a hang; 0 turns the watchdog off */
    Watchdog(long limitMs, long now) {
        this.limitNanos = limitMs * 1_000_000L;
        this.lastProgress = now;
    }

    /** A task finished (or the work ran dry): the clock starts again. */
    void progress(long now) {
        lastProgress = now;
    }

    /**
     * True when the job is hung: work is held and nothing finished for the limit. With
     * nothing held the job is waiting, not hung (a timeline pause), and the clock restarts.
     */
    boolean hung(long now, boolean holding) {
        if (limitNanos <= 0) {
            return false;
        }
        if (!holding) {
            lastProgress = now;
            return false;
        }
        return now - lastProgress >= limitNanos;
    }

    boolean enabled() {
        return limitNanos > 0;
    }

    /** Seconds since the last progress. */
    double silentSeconds(long now) {
        return (now - lastProgress) / 1e9;
    }
}
