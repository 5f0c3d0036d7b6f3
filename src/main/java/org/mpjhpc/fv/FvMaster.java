package org.mpjhpc.fv;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.comm.Backoff;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.Envelope;
import org.mpjhpc.log.Log;

/**
 * World rank 0 of a finite-volume run: it does not compute. It watches the compute ranks'
 * heartbeats, joins the Reduce of the conserved totals when compute rank 0 announces
 * one, and assembles the final field from every block for the output files.
 */
final class FvMaster {
    /** One diagnostics row: step, time, dt, then the four totals. */
    record Row(int step, double time, double dt, double[] totals) {
    }

    private final Comm world;
    private final FvConfig config;
    final List<Row> rows = new ArrayList<>();
    /** The final conserved field, variable by variable, row-major over the whole grid. */
    final double[][] field;

    private final String outDir;
    private final Checkpoint restartFrom;
    private final double[][] snapshot;
    private int snapshotBlocks;
    private volatile int lastCheckpoint = -1; // read by the lifeline's thread for its message

    private final FvBoard board;

    FvMaster(Comm world, FvConfig config, String outDir, boolean monitor) {
        this.world = world;
        this.config = config;
        this.outDir = outDir;
        this.field = new double[Field.VARS][config.nx() * config.ny()];
        this.board = new FvBoard(config);
        boolean snapshots = config.checkpointEvery() > 0 || config.vtkEvery() > 0 || monitor;
        this.snapshot = snapshots ? new double[Field.VARS][config.nx() * config.ny()] : null;
        this.restartFrom = config.restart() ? Checkpoint.read(Checkpoint.file(outDir), config) : null;
        if (restartFrom != null) {
            lastCheckpoint = restartFrom.step();
            Log.info("restarting from step " + restartFrom.step() + ", t = " + restartFrom.time());
        }
    }

    void run() {
        world.lifeline().noteOnLoss(this::saved);
        int ranks = world.size() - 1;
        long[] lastSeen = new long[ranks + 1];
        boolean[] warned = new boolean[ranks + 1];
        java.util.Arrays.fill(lastSeen, System.nanoTime());
        long silence = 5 * config.heartbeatMs() * 1_000_000L + 2_000_000_000L;
        Backoff backoff = new Backoff(20_000, 1_000_000);
        int blocks = 0;
        while (blocks < ranks) {
            Envelope s = world.probe(Comm.ANY, Comm.ANY);
            long now = System.nanoTime();
            if (s == null) {
                if (world.lifeline().lost() != null) {
                    throw world.lifeline().lost().withNote(saved());
                }
                for (int r = 1; r <= ranks; r++) {
                    if (!warned[r] && now - lastSeen[r] > silence) {
                        warned[r] = true;
                        Log.warn("compute rank " + r + " silent for " + (now - lastSeen[r]) / 1_000_000 + " ms");
                    }
                }
                backoff.idle();
                continue;
            }
            backoff.reset();
            lastSeen[s.source()] = now;
            warned[s.source()] = false;
            double[] data = new double[s.count(double[].class)];
            world.recv(data, data.length, s.source(), s.tag());
            switch (FvTag.of(s.tag())) {
                case HEARTBEAT -> {
                    Log.debug("heartbeat from rank " + s.source() + ": step " + (int) data[0]);
                    board.heartbeat(data);
                }
                case TOTALS -> totals(data);
                case BLOCK -> {
                    place(data, 4, field);
                    blocks++;
                }
                case SNAPSHOT -> snapshotBlock(data, ranks);
                case RESTORE -> restore(data, s.source());
                default -> throw new IllegalStateException("master got a halo strip from rank " + s.source());
            }
        }
        board.last();
    }

    /** What a run that lost a rank leaves for {@code --resume}. */
    private String saved() {
        if (lastCheckpoint < 0) {
            return config.checkpointEvery() > 0 ? "No checkpoint was written yet; run it again to start afresh"
                    : "No checkpoint is kept (fv.checkpoint_every is 0); run it again to start afresh";
        }
        return "The checkpoint " + Checkpoint.file(outDir) + " holds step " + lastCheckpoint
                + "; run the job again with --resume to go on from it";
    }

    /** Joins the Reduce(SUM) the compute ranks are entering. */
    private void totals(double[] head) {
        double[] sums = world.reduce(new double[Field.VARS], Comm.Op.SUM, 0);
        Row row = new Row((int) head[0], head[1], head[2], sums);
        rows.add(row);
        board.totals(row);
        Log.debug("step " + (int) head[0] + " t=" + head[1] + " mass " + sums[0]);
    }

    /** Copies a block message (header of {@code head} values, then the cells of one or every variable) into {@code into}. */
    private void place(double[] data, int head, double[][] into) {
        int x0 = (int) data[0];
        int y0 = (int) data[1];
        int bnx = (int) data[2];
        int bny = (int) data[3];
        int vars = (data.length - head) / Math.max(1, bnx * bny);
        int k = head;
        for (int v = 0; v < vars; v++) {
            for (int j = 0; j < bny; j++) {
                System.arraycopy(data, k, into[v], (y0 + j) * config.nx() + x0, bnx);
                k += bnx;
            }
        }
    }

    /** One block of a snapshot; its files are written once every block of that step is in. */
    private void snapshotBlock(double[] data, int ranks) {
        place(data, 7, snapshot);
        if (++snapshotBlocks == ranks) {
            snapshotBlocks = 0;
            Snapshot.write(config, outDir, (int) data[4], data[5], (int) data[6], snapshot);
            if (((int) data[6] & Snapshot.MONITOR) != 0) {
                board.picture(snapshot);
            }
            if (((int) data[6] & Snapshot.CHECKPOINT) != 0) {
                lastCheckpoint = (int) data[4];
            }
        }
    }

    /** Restart: sends a compute rank its block of the checkpoint, with the step and time. */
    private void restore(double[] request, int rank) {
        int x0 = (int) request[0];
        int y0 = (int) request[1];
        int bnx = (int) request[2];
        int bny = (int) request[3];
        double[] data = new double[2 + Field.VARS * bnx * bny];
        data[0] = restartFrom.step();
        data[1] = restartFrom.time();
        int k = 2;
        for (int v = 0; v < Field.VARS; v++) {
            for (int j = 0; j < bny; j++) {
                System.arraycopy(restartFrom.field()[v], (y0 + j) * config.nx() + x0, data, k, bnx);
                k += bnx;
            }
        }
        world.send(data, data.length, rank, FvTag.RESTORE);
    }
}
