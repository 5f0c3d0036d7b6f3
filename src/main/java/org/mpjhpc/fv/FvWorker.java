package org.mpjhpc.fv;

import org.mpjhpc.comm.Cart;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.NonBlocking;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.Shutdown;

/**
 * A compute rank: owns one block of the Cartesian topology and runs the time loop. It
 * reports to the master (world rank 0) by heartbeats, by the Reduce of the conserved
 * totals every few steps, and by sending its final block. With the live monitor on, the
 * time step's Allreduce also carries compute rank 0's wish for a picture, so every rank
 * sends its block at the same step, at no extra message.
 */
final class FvWorker {
    private static final int MASTER = 0;
    /** Steps left out of the steady-state rate: the JIT compiles the kernels meanwhile. */
    static final int WARM_UP_STEPS = 5;
    private final Comm world;
    private final Comm compute;
    private final FvConfig config;
    private Cart cart;
    private Field u;
    /** The block's first cell in the whole grid. */
    private int x0;
    private int y0;
    private int step;
    private double t;

    /** Whether the live monitor is on: pictures for it, phase times in compute rank 0's heartbeats. */
    private final boolean monitor;
    private long lastPicture;
    private boolean pictureDue;

    FvWorker(Comm world, Comm compute, FvConfig config, boolean monitor) {
        this.world = world;
        this.compute = compute;
        this.config = config;
        this.monitor = monitor;
    }

    /** A stop signal reached some compute rank: all stop after this step (see timeStep). */
    private boolean stopping;

    /** Runs the simulation; returns where this rank's time went. */
    RankTimes run() {
        decompose();
        if (config.restart()) {
            restore();
        } else {
            Setup.fill(config, u, x0, y0, 0.0);
        }
        HaloExchange halo = new HaloExchange(u, neighbours(cart, cart.rank()), physical(), cart, config.halo());
        Stepper stepper = new Stepper(config, u, halo, timeStep());
        double area = config.dx() * config.dy();
        totals(area, 0.0);
        int firstStep = step;
        long loopStart = System.nanoTime();
        long steadyStart = loopStart;
        long nextBeat = loopStart;
        while (t < config.tEnd() && step < config.maxSteps()) {
            double dt = stepper.step(t, config.tEnd());
            t += dt;
            step++;
            if (step - firstStep == WARM_UP_STEPS) {
                steadyStart = System.nanoTime();
            }
            if (step % config.diagnosticsEvery() == 0 || t >= config.tEnd() || step == config.maxSteps() || stopping) {
                totals(area, dt);
            }
            snapshot();
            nextBeat = heartbeat(nextBeat, stepper.times);
            if (stopping) {
                if (cart.rank() == 0) {
                    Log.warn("stop signal: every compute rank stops after step " + step + ", t = " + t);
                }
                break;
            }
        }
        long loopEnd = System.nanoTime();
        long io = System.nanoTime();
        double[] block = blockMessage(u, Field.VARS, x0, y0);
        world.send(block, block.length, MASTER, FvTag.BLOCK);
        stepper.times.add(PhaseTimes.IO, System.nanoTime() - io);
        int ran = step - firstStep;
        return result(stepper.times, ran, (loopEnd - loopStart) / 1e9,
                ran > WARM_UP_STEPS ? (loopEnd - steadyStart) / 1e9 : (loopEnd - loopStart) / 1e9);
    }

    /** This rank's block of the Cartesian topology: where it starts, how big it is. */
    private void decompose() {
        int[] dims = Decomposition.dims(compute.size(), config.nx(), config.ny());
        boolean[] periodic = {config.side(Boundary.Side.LEFT) == Boundary.PERIODIC,
                config.side(Boundary.Side.BOTTOM) == Boundary.PERIODIC};
        cart = compute.cartesian(dims, periodic);
        int[] coords = cart.coords();
        x0 = Decomposition.start(config.nx(), dims[0], coords[0]);
        y0 = Decomposition.start(config.ny(), dims[1], coords[1]);
        u = new Field(Decomposition.size(config.nx(), dims[0], coords[0]),
                Decomposition.size(config.ny(), dims[1], coords[1]), 2);
        if (cart.rank() == 0) {
            Log.info("Cartesian topology " + dims[0] + " x " + dims[1] + " over " + compute.size()
                    + " compute rank(s), halo " + FvConfig.key(config.halo()));
        }
    }

    /** Sends this block to the master when a snapshot is due at this step, or a checkpoint on a stop signal. */
    private void snapshot() {
        int snapshot = Snapshot.due(config, step, t);
        if (stopping && config.checkpointEvery() > 0) {
            snapshot |= Snapshot.CHECKPOINT;
        }
        if (pictureDue) {
            snapshot |= Snapshot.MONITOR;
            pictureDue = false;
        }
        if (snapshot != 0) {
            // the monitor's picture needs the density only: a quarter of the bytes
            int vars = snapshot == Snapshot.MONITOR ? 1 : Field.VARS;
            double[] block = blockMessage(u, vars, x0, y0, step, t, snapshot);
            world.send(block, block.length, MASTER, FvTag.SNAPSHOT);
        }
    }

    /**
     * Tells the master the rank lives when a beat is due (compute rank 0 adds its time per
     * kernel when the monitor is on); returns when the next one is.
     */
    private long heartbeat(long nextBeat, PhaseTimes times) {
        if (System.nanoTime() < nextBeat) {
            return nextBeat;
        }
        double[] beat = new double[monitor && cart.rank() == 0 ? 2 + times.nanos.length : 2];
        beat[0] = step;
        beat[1] = t;
        for (int p = 2; p < beat.length; p++) {
            beat[p] = times.nanos[p - 2]; // the monitor's time per kernel
        }
        world.send(beat, beat.length, MASTER, FvTag.HEARTBEAT);
        return System.nanoTime() + config.heartbeatMs() * 1_000_000L;
    }

    private static RankTimes result(PhaseTimes times, int ran, double loopSeconds, double steadySeconds) {
        double[] phases = new double[PhaseTimes.NAMES.length];
        for (int p = 0; p < phases.length; p++) {
            phases[p] = times.nanos[p] / 1e9;
        }
        return new RankTimes(phases, ran, loopSeconds, steadySeconds);
    }

    /**
     * The time step's MIN over the compute ranks, carrying whether any rank got a stop
     * signal: all ranks learn it in the same step, at no extra message.
     */
    private Stepper.GlobalMin timeStep() {
        return new Stepper.GlobalMin() {
            private double[] result;
            private NonBlocking.Collective pending;

            @Override
            public void begin(double local) {
                double stop = Shutdown.requested() ? -1 : 0;
                double[] mine = monitor ? new double[] {local, stop, picture()} : new double[] {local, stop};
                if (config.overlapped()) {
                    pending = NonBlocking.allMin(cart, mine, FvTag.TIME_STEP);
                } else {
                    result = cart.allReduce(mine, Comm.Op.MIN);
                }
            }

            @Override
            public double end() {
                double[] r = pending != null ? pending.await() : result;
                pending = null;
                stopping = r[1] < 0;
                pictureDue = monitor && r[2] < 0;
                return r[0];
            }
        };
    }

    /** -1 when compute rank 0 wants a picture for the monitor (about one a second), else 0. */
    private double picture() {
        long now = System.nanoTime();
        if (cart.rank() != 0 || now - lastPicture < 1_000_000_000L) {
            return 0;
        }
        lastPicture = now;
        return -1;
    }

    /** Compute rank 0 announces the step; then every rank joins the Reduce to the master. */
    private void totals(double area, double dt) {
        if (cart.rank() == 0) {
            world.send(new double[] {step, t, dt}, 3, MASTER, FvTag.TOTALS);
        }
        world.reduce(Totals.of(u, area), Comm.Op.SUM, MASTER);
    }

    /** A block for the master: x0, y0, nx, ny, then {@code extra}, then the owned cells of the first {@code vars} variables. */
    static double[] blockMessage(Field u, int vars, int x0, int y0, double... extra) {
        int head = 4 + extra.length;
        double[] data = new double[head + vars * u.nx * u.ny];
        data[0] = x0;
        data[1] = y0;
        data[2] = u.nx;
        data[3] = u.ny;
        System.arraycopy(extra, 0, data, 4, extra.length);
        int k = head;
        for (int v = 0; v < vars; v++) {
            for (int j = 0; j < u.ny; j++) {
                System.arraycopy(u.q[v], u.at(0, j), data, k, u.nx);
                k += u.nx;
            }
        }
        return data;
    }

    /** Restart: asks the master for this block of the checkpoint and the step and time it holds. */
    private void restore() {
        world.send(new double[] {x0, y0, u.nx, u.ny}, 4, MASTER, FvTag.RESTORE);
        double[] data = new double[2 + Field.VARS * u.nx * u.ny];
        world.recv(data, data.length, MASTER, FvTag.RESTORE);
        int k = 2;
        for (int v = 0; v < Field.VARS; v++) {
            for (int j = 0; j < u.ny; j++) {
                System.arraycopy(data, k, u.q[v], u.at(0, j), u.nx);
                k += u.nx;
            }
        }
        step = (int) data[0];
        t = data[1];
    }

    /** Per side (left, right, bottom, top): a compute rank, {@link HaloExchange#SELF} or {@link HaloExchange#NONE}. */
    private static int[] neighbours(Cart cart, int me) {
        int[] x = cart.shift(0);
        int[] y = cart.shift(1);
        int[] ranks = {x[0], x[1], y[0], y[1]};
        int[] out = new int[4];
        for (int s = 0; s < 4; s++) {
            int r = ranks[s];
            out[s] = r == Comm.NONE ? HaloExchange.NONE : r == me ? HaloExchange.SELF : r;
        }
        return out;
    }

    private Boundary[] physical() {
        Boundary[] sides = new Boundary[4];
        for (Boundary.Side s : Boundary.Side.values()) {
            sides[s.ordinal()] = config.side(s);
        }
        return sides;
    }
}
