package org.mpjhpc.fv;

import java.nio.file.Path;
import org.mpjhpc.log.Log;

/** The field gathered during the run: for a checkpoint, a VTK snapshot, or both. */
final class Snapshot {
    static final int CHECKPOINT = 1;
    static final int VTK = 2;
    /** The live monitor's density picture: drawn, never written to a file. */
    static final int MONITOR = 4;

    private Snapshot() {
    }

    /** What is due after this step (a bit set of CHECKPOINT and VTK), 0 for nothing. */
    static int due(FvConfig c, int step, double t) {
        if (t >= c.tEnd()) {
            return 0; // the final state is written anyway
        }
        int kinds = 0;
        if (c.checkpointEvery() > 0 && step % c.checkpointEvery() == 0) {
            kinds |= CHECKPOINT;
        }
        if (c.vtkEvery() > 0 && step % c.vtkEvery() == 0) {
            kinds |= VTK;
        }
        return kinds;
    }

    static void write(FvConfig c, String outDir, int step, double t, int kinds, double[][] field) {
        if ((kinds & CHECKPOINT) != 0) {
            new Checkpoint(c, step, t, field).write(Checkpoint.file(outDir));
            Log.info("checkpoint written at step " + step + ", t = " + t);
        }
        if ((kinds & VTK) != 0) {
            Path file = Path.of(outDir, String.format("field_%06d.vtk", step));
            Vtk.write(c, field, file);
            Log.debug("snapshot " + file + " at t = " + t);
        }
    }
}
