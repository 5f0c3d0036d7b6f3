package org.mpjhpc.comm;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mpi.Intracomm;
import org.mpjhpc.log.Log;

/**
 * The lifeline over TCP: each rank listens on a port of its own; rank 0 connects to every
 * other rank once a second, and every other rank to rank 0. A process that is gone refuses
 * the connection (its host down: it times out), twice in a row. Rank 0 then ends the job:
 * its own loop gets {@link #SAVE_MS} to save its state ({@link #lost()}), then every rank
 * still there is told to exit, with a token only the job's ranks know.
 */
final class ProcessLifeline implements Lifeline {
    private static final long PERIOD_MS = 1000;
    private static final int CONNECT_MS = 2000;
    /** How long rank 0's job gets to save what it did after a loss, before the lifeline ends it. */
    private static final long SAVE_MS = 10_000;
    /** How long another rank that lost its connections waits for rank 0 to end the job. */
    private static final long VERDICT_MS = 30_000;

    private final int rank;
    private final String[] names;
    private final InetSocketAddress[] addresses;
    private final byte[] token;
    private final ServerSocket server;
    private final Consumer<RankLost> lastWords;
    private volatile java.util.function.Supplier<String> saved;
    private final Object round = new Object();
    private volatile boolean watching = true;
    private volatile RankLost lost;

    ProcessLifeline(int rank, String[] names, InetSocketAddress[] addresses, byte[] token, ServerSocket server,
            Consumer<RankLost> lastWords) {
        this.rank = rank;
        this.names = names;
        this.addresses = addresses;
        this.token = token;
        this.server = server;
        this.lastWords = lastWords;
    }

    /**
     * Starts the lifeline on every rank (see {@link LifelineTable#exchange}); rank 0 ends the
     * job at once if a rank did not report.
     *
     * @param lastWords on rank 0, says why the job ends and reports its exit code
     */
    static ProcessLifeline start(Intracomm comm, Consumer<RankLost> lastWords) {
        try {
            ServerSocket server = new ServerSocket(0, 64);
            LifelineTable table = LifelineTable.exchange(comm, server.getLocalPort());
            ProcessLifeline line = new ProcessLifeline(comm.Rank(), table.names(), table.addresses(), table.token(),
                    server, lastWords);
            daemon(line::listen, "lifeline-listen");
            if (!table.missing().isEmpty()) {
                line.end(line.loss(table.missing()));
            }
            daemon(line::watch, "lifeline-watch");
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("the lifeline between ranks could not start", e);
        }
    }

    private static void daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public RankLost lost() {
        return lost;
    }

    @Override
    public RankLost check() {
        if (rank != 0) {
            return null;
        }
        synchronized (round) {
            List<Integer> gone = unanswered(others());
            if (!gone.isEmpty() && lost == null) {
                lost = loss(gone);
            }
        }
        return lost;
    }

    @Override
    public void pause() {
        synchronized (round) {
            watching = false;
        }
    }

    @Override
    public void endIfLost(Throwable cause) {
        if (rank == 0) {
            RankLost found = cause instanceof RankLost r ? r : check();
            if (found != null) {
                end(found);
            }
            return;
        }
        if (cause instanceof RankLost || brokenConnection(cause)) {
            Log.error(names[rank] + " lost its connections (" + cause + "); waiting up to " + VERDICT_MS / 1000
                    + " s for rank 0 to end the job");
            sleep(VERDICT_MS);
            Log.error("rank 0 did not end the job; this rank ends");
            Runtime.getRuntime().halt(RankLost.EXIT_CODE);
        }
    }

    /** MPJ's devices wrap a closed or reset socket in their own exceptions. */
    private static boolean brokenConnection(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException || c.getClass().getName().startsWith("xdev.")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void noteOnLoss(java.util.function.Supplier<String> saved) {
        this.saved = saved;
    }

    /**
     * Rank 0: says why and reports the exit code first (on hybdev the ranks of rank 0's host
     * share its JVM, and the first one told ends it), then every rank still there exits, then this one.
     */
    private synchronized void end(RankLost lost) {
        RankLost why = lost.withNote(saved);
        lastWords.accept(why);
        for (int r : others()) {
            if (addresses[r] != null && !why.gone().contains(names[r])) {
                tell(r, why.getMessage());
            }
        }
        Runtime.getRuntime().halt(RankLost.EXIT_CODE);
    }

    private void tell(int r, String reason) {
        try (Socket s = new Socket()) {
            s.connect(addresses[r], CONNECT_MS);
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.write(token);
            out.writeUTF(LifelineTable.clip(reason));
            out.flush();
            s.getInputStream().read(); // the other side exits: the connection closes
        } catch (IOException e) {
            // gone meanwhile, or it ends on its own when it finds rank 0 gone
        }
    }

    /** Serves pings (a connection that closes at once) and rank 0's order to exit. */
    private void listen() {
        while (true) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(CONNECT_MS);
                DataInputStream in = new DataInputStream(s.getInputStream());
                byte[] got = new byte[token.length];
                in.readFully(got);
                if (java.security.MessageDigest.isEqual(got, token)) {
                    Log.error("rank 0 ends the job: " + in.readUTF());
                    Runtime.getRuntime().halt(RankLost.EXIT_CODE);
                }
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Once a second while watching: rank 0 asks every rank, the others ask rank 0. */
    private void watch() {
        while (true) {
            sleep(PERIOD_MS);
            synchronized (round) {
                if (!watching) {
                    return;
                }
                List<Integer> gone = unanswered(rank == 0 ? others() : List.of(0));
                if (gone.isEmpty()) {
                    continue;
                }
                if (rank != 0) {
                    Log.error(names[0] + " (the master) is gone; this rank ends");
                    Runtime.getRuntime().halt(RankLost.EXIT_CODE);
                }
                lost = loss(gone);
                Log.error(String.join(", ", lost.gone()) + ": no answer from " + (gone.size() == 1 ? "its process" : "their processes")
                        + "; the job saves what it can and ends");
            }
            sleep(SAVE_MS);
            end(lost); // the job's own loop did not end it: it waits in MPJ for the lost rank
        }
    }

    private List<Integer> others() {
        List<Integer> others = new ArrayList<>();
        for (int r = 0; r < names.length; r++) {
            if (r != rank) {
                others.add(r);
            }
        }
        return others;
    }

    /** The ranks that refuse or time out twice in a row. */
    private List<Integer> unanswered(List<Integer> ranks) {
        List<Integer> gone = new ArrayList<>();
        for (int r : ranks) {
            if (!answers(r) && !answers(r)) {
                gone.add(r);
            }
        }
        return gone;
    }

    private boolean answers(int r) {
        if (addresses[r] == null) {
            return false;
        }
        try (Socket s = new Socket()) {
            s.connect(addresses[r], CONNECT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private RankLost loss(List<Integer> gone) {
        List<String> which = new ArrayList<>();
        gone.forEach(r -> which.add(names[r]));
        return new RankLost(which, (which.size() == 1 ? "its process does" : "their processes do")
                + " not answer: killed, crashed, or the host is down");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
