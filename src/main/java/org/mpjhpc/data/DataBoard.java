package org.mpjhpc.data;

import org.mpjhpc.monitor.Board;
import org.mpjhpc.output.JsonObject;

/**
 * The data jobs' view on the live monitor: the phase, how much of it is done, and the input
 * bytes read so far, from the progress notes the master receives anyway. Published at most
 * four times a second.
 */
public final class DataBoard {
    private static final long EVERY_NANOS = 250_000_000L;
    private static long next;
    private static long bytes;

    private DataBoard() {
    }

    /**
     * Where a phase stands: {@code done} of {@code total} (0 when unknown) {@code unit}s;
     * input read is counted from phases whose unit is bytes of input ({@code inputBytes}).
     */
    public static void progress(String phase, long done, long total, String unit, boolean inputBytes, boolean force) {
        Board board = Board.get();
        long now = System.nanoTime();
        if (!board.on() || (!force && now < next)) {
            return;
        }
        next = now + EVERY_NANOS;
        if (inputBytes) {
            bytes = done;
        }
        JsonObject v = new JsonObject().put("phase", phase).put("done", done).put("total", total)
                .put("unit", unit.trim()).put("progress", total > 0 ? Math.min(1.0, (double) done / total) : 0.0)
                .put("bytes", bytes);
        board.publish(v);
        board.record("bytes", bytes);
    }

    /** A phase begins (or the job moves on to it). */
    public static void phase(String phase) {
        Board.get().event("phase", -1, phase);
        progress(phase, 0, 0, "", false, true);
    }
}
