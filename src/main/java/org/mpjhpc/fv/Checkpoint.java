package org.mpjhpc.fv;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mpjhpc.config.UserError;
import org.mpjhpc.output.AtomicWrite;

/**
 * checkpoint.bin: the whole conserved field at a step, with the step and the time as
 * exact bits, so a restarted run (on any number of ranks) continues bit for bit. Written
 * whole or not at all. It names the physics it belongs to (problem, gamma, boundaries):
 * a field of another problem would restart into a run that verifies against the wrong
 * answer and passes.
 */
record Checkpoint(FvConfig physics, int step, double time, double[][] field) {
    private static final long MAGIC = 0x4d504a4856434b32L; // "MPJHVCK2"

    static Path file(String outDir) {
        return Path.of(outDir, "checkpoint.bin");
    }

    void write(Path file) {
        int cells = physics.nx() * physics.ny();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 8 * Field.VARS * cells);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writeHeader(out, physics);
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

    private static void writeHeader(DataOutputStream out, FvConfig c) throws IOException {
        out.writeLong(MAGIC);
        out.writeUTF(FvConfig.key(c.problem()));
        out.writeInt(c.nx());
        out.writeInt(c.ny());
        out.writeDouble(c.gamma());
        out.writeUTF(sides(c));
    }

    /**
     * Checks, before any rank starts, that {@code file} is a whole checkpoint of this job's
     * physics and grid; a UserError says what does not match.
     */
    static void check(Path file, FvConfig c) {
        read(file, c, false);
    }

    /** Reads the checkpoint for the job {@code c}; a missing, damaged or foreign file is a {@link UserError}. */
    static Checkpoint read(Path file, FvConfig c) {
        return read(file, c, true);
    }

    private static Checkpoint read(Path file, FvConfig c, boolean withField) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readLong() != MAGIC) {
                throw new UserError(file + ": not a checkpoint of this version of mpj-hpc");
            }
            String problem = in.readUTF();
            int nx = in.readInt();
            int ny = in.readInt();
            double gamma = in.readDouble();
            String sides = in.readUTF();
            String ours = sides(c);
            if (!problem.equals(FvConfig.key(c.problem())) || nx != c.nx() || ny != c.ny() || Double.compare(gamma, c.gamma()) != 0
                    || !sides.equals(ours)) {
                throw new UserError(file + ": a checkpoint of " + problem + " on " + nx + " x " + ny + ", gamma "
                        + gamma + ", sides " + sides + "; this job is " + FvConfig.key(c.problem()) + " on " + c.nx() + " x "
                        + c.ny() + ", gamma " + c.gamma() + ", sides " + ours);
            }
            long header = 8 + 2 + utf8(problem) + 4 + 4 + 8 + 2 + utf8(sides) + 4 + 8;
            long expected = header + 8L * Field.VARS * nx * ny;
            if (Files.size(file) != expected) {
                throw new UserError(file + ": " + Files.size(file) + " bytes, but a checkpoint of this grid has "
                        + expected + ": it is truncated or damaged");
            }
            int step = in.readInt();
            double time = in.readDouble();
            return withField ? new Checkpoint(c, step, time, field(in, nx * ny)) : null;
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no checkpoint to restart from (run with fv.checkpoint_every first,"
                    + " with the same --out)");
        } catch (EOFException e) {
            throw new UserError(file + ": the checkpoint ends early: it is truncated or damaged");
        } catch (IOException e) {
            throw new UserError(file + ": unreadable checkpoint (" + e + ")");
        }
    }

    private static double[][] field(DataInputStream in, int cells) throws IOException {
        double[][] field = new double[Field.VARS][cells];
        for (double[] q : field) {
            for (int k = 0; k < q.length; k++) {
                q[k] = in.readDouble();
            }
        }
        return field;
    }

    /** The boundaries as the header spells them: {@code periodic,periodic,...}. */
    private static String sides(FvConfig c) {
        return String.join(",", java.util.Arrays.stream(c.boundaries()).map(FvConfig::key).toList());
    }

    private static int utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
