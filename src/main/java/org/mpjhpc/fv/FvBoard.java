package org.mpjhpc.fv;

import org.mpjhpc.monitor.Board;
import org.mpjhpc.output.JsonObject;
import org.mpjhpc.output.Png;

/**
 * The solver's view on the live monitor: step, time, dt, the conserved totals, compute rank
 * 0's time per kernel and the density picture, from what the master receives anyway
 * (heartbeats, the totals' Reduce, snapshot blocks). Published at most four times a second.
 */
final class FvBoard {
    private static final long EVERY_NANOS = 250_000_000L;
    private static final String[] QUANTITIES = {"mass", "momentum_x", "momentum_y", "energy"};
    private final Board board = Board.get();
    private final FvConfig config;
    private final long cells;
    private int step;
    private double t;
    private double dt;
    private double[] totals;
    private double[] kernelNanos;
    private int firstStep = -1;
    private long firstNanos;
    private long next;

    FvBoard(FvConfig config) {
        this.config = config;
        this.cells = (long) config.nx() * config.ny();
    }

    boolean on() {
        return board.on();
    }

    /** A heartbeat: step and time, and from compute rank 0 its time per kernel. */
    void heartbeat(double[] beat) {
        if (!board.on()) {
            return;
        }
        at((int) beat[0], beat[1]);
        if (beat.length > 2) {
            kernelNanos = java.util.Arrays.copyOfRange(beat, 2, beat.length);
        }
        publish(false);
    }

    /** A diagnostics row: the totals of a step. */
    void totals(FvMaster.Row row) {
        if (board.on()) {
            at(row.step(), row.time());
            dt = row.dt();
            totals = row.totals();
            publish(false);
        }
    }

    /** The whole field of a step for the picture. */
    void picture(double[][] field) {
        if (board.on()) {
            board.image(Png.encode(DensityImage.draw(config, field, 256, true)));
        }
    }

    /** The last view, whatever the time since the one before. */
    void last() {
        publish(true);
    }

    private void at(int s, double time) {
        long now = System.nanoTime();
        if (firstStep < 0) {
            firstStep = s;
            firstNanos = now;
        }
        if (s >= step) {
            step = s;
            t = time;
        }
    }

    private void publish(boolean force) {
        long now = System.nanoTime();
        if (!board.on() || (!force && now < next)) {
            return;
        }
        next = now + EVERY_NANOS;
        long updates = cells * Math.max(0, step - Math.max(firstStep, 0));
        double seconds = (now - firstNanos) / 1e9;
        JsonObject v = new JsonObject().put("step", step).put("t", t).put("dt", dt).put("cells", cells)
                .put("cell_updates", cells * step).put("cell_updates_per_s", seconds > 0 ? updates / seconds : 0);
        if (totals != null) {
            JsonObject o = v.putObject("totals");
            for (int q = 0; q < QUANTITIES.length; q++) {
                o.put(QUANTITIES[q], totals[q]);
            }
        }
        if (kernelNanos != null) {
            JsonObject o = v.putObject("shares");
            for (int p = 0; p < kernelNanos.length && p < PhaseTimes.NAMES.length; p++) {
                o.put(PhaseTimes.NAMES[p], kernelNanos[p] / 1e9);
            }
        }
        board.publish(v);
        board.record("cell_updates", cells * step);
    }
}
