package org.mpjhpc.fv;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mpjhpc.app.UserError;
import org.mpjhpc.output.AtomicWrite;

/**
 * checkpoint.bin: the whole conserved field at a step, with the step and the time as
 * exact bits, so a restarted run (on any number of ranks) continues bit for bit. Written
 * whole or not at all.
 */
record Checkpoint(int nx, int ny, int step, double time, double[][] field) {
    private static final long MAGIC = 0x4d504a4856434b31L; // "MPJHVCK1"

    static Path file(String outDir) {
        return Path.of(outDir, "checkpoint.bin");
    }

    void write(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 + 8 * Field.VARS * nx * ny);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(MAGIC);
            out.writeInt(nx);
            out.writeInt(ny);
            out.writeInt(step);
            out.writeDouble(time);
            for (double[] q : field) {
                for (double v : q) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicWrite.bytes(file, bytes.toByteArray());
    }

    /** Reads a checkpoint for an nx x ny grid; a missing or foreign file is a {@link UserError}. */
    static Checkpoint read(Path file, int nx, int ny) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readLong() != MAGIC) {
                throw new UserError(file + ": not an mpj-hpc checkpoint");
            }
            int fnx = in.readInt();
            int fny = in.readInt();
            if (fnx != nx || fny != ny) {
                throw new UserError(file + ": checkpoint of a " + fnx + " x " + fny + " grid, but the job is " + nx
                        + " x " + ny);
            }
            int step = in.readInt();
            double time = in.readDouble();
            double[][] field = new double[Field.VARS][nx * ny];
            for (double[] q : field) {
                for (int k = 0; k < q.length; k++) {
                    q[k] = in.readDouble();
                }
            }
            return new Checkpoint(nx, ny, step, time, field);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no checkpoint to restart from (run with fv.checkpoint_every first)");
        } catch (IOException e) {
            throw new UserError(file + ": unreadable checkpoint (" + e.getMessage() + ")");
        }
    }
}
