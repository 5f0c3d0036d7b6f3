package org.mpjhpc.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mpjhpc.comm.MpjComm;
import org.mpjhpc.comm.RankLost;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.Shutdown;

/**
 * The entry point of every MPJ Express rank, started by {@code mpjrun}. MPJ's starter
 * does not pass a rank's exit code on, so rank 0 writes the agreed code to the file
 * named by {@code --status-file}, which {@code mpjrun} turns into its own exit code.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        StartupTrace.start("main");
        try {
            StartGate.await(args); // cluster runs: not before MPJ's starter listens
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            Runtime.getRuntime().halt(3);
        }
        Shutdown.install();
        String[] appArgs = MpjComm.init(args);
        MpjComm world = MpjComm.world();
        StartupTrace.rank(world.rank());
        StartupTrace.mark("init");
        Log.configure(world.rank(), world.rank() == 0 ? "master" : "worker", "INFO");
        Options options;
        try {
            options = Options.parse(appArgs);
        } catch (UserError e) {
            // Every rank parses the same arguments, so every rank stops here alike.
            if (world.rank() == 0) {
                System.err.println("error: " + e.getMessage());
            }
            Shutdown.ended();
            MpjComm.finish();
            return;
        }
        int code;
        try {
            code = JobRunner.run(world, options, lost -> lastWords(lost, options));
        } catch (Throwable t) {
            world.lifeline().endIfLost(t); // a rank's process is gone: not a bug; does not return
            Shutdown.clean(); // no half-written file is left, whatever ends the job
            IOException io = t instanceof java.io.UncheckedIOException u ? u.getCause()
                    : t instanceof IOException e ? e : null;
            if (io != null) {
                // The machine's fault (a full disk, a folder gone), not a bug: one line, no stack trace.
                System.err.println("error: cannot write or read a file: " + (t == io ? "" : t.getMessage() + ": ")
                        + io.getMessage());
                writeStatus(options.statusFile(), 1);
                Runtime.getRuntime().halt(1);
            }
            // A bug, not a user mistake: say so loudly and take the whole job down, since
            // the other ranks would otherwise wait for this one forever.
            Log.error("internal error, aborting the job: " + t);
            t.printStackTrace();
            writeStatus(options.statusFile(), 1);
            Runtime.getRuntime().halt(1);
            return;
        }
        if (world.rank() == 0) {
            writeStatus(options.statusFile(), code);
        }
        Shutdown.ended();
        Log.debug("rank " + world.rank() + " ends with exit code " + code);
        MpjComm.finish();
        StartupTrace.mark("finalized");
    }

    /** Rank 0, when a lost rank ends the job: one message, no half-written file, the exit code. */
    private static void lastWords(RankLost lost, Options options) {
        System.err.println("error: " + lost.getMessage());
        Shutdown.clean();
        writeStatus(options.statusFile(), RankLost.EXIT_CODE);
    }

    private static void writeStatus(String file, int code) {
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), code + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            Log.error("cannot write the status file " + file + ": " + e.getMessage());
        }
    }
}
