package org.mpjhpc.comm;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import mpi.Intracomm;
import mpi.MPI;

/**
 * Where each rank's lifeline listens, and the job's token: rank 0 broadcasts the token and its
 * own address, every other rank sends rank 0 its address. Rank 0 waits at most
 * {@link #REPORT_MS}: a rank killed at this moment must not leave it waiting forever. The
 * other ranks know only rank 0 and themselves.
 *
 * @param names     "rank R on HOST" per rank
 * @param addresses where each rank listens; null where unknown
 * @param missing   on rank 0, the ranks that did not report
 */
record LifelineTable(String[] names, InetSocketAddress[] addresses, byte[] token, List<Integer> missing) {
    private static final int ENTRY = 512;
    private static final int TOKEN = 16;
    private static final long REPORT_MS = 20_000;
    private static final Tag ENTRY_TAG = () -> TagRange.COMM.code(Tags.ENTRY);

    /** This class's own message. */
    private enum Tags { ENTRY }

    /** The exchange, on every rank; {@code port} is where this rank listens. */
    static LifelineTable exchange(Intracomm comm, int port) throws IOException {
        int rank = comm.Rank();
        byte[] head = new byte[TOKEN + ENTRY];
        byte[] mine = entry(port);
        if (rank == 0) {
            new SecureRandom().nextBytes(head);
            System.arraycopy(mine, 0, head, TOKEN, ENTRY);
        }
        comm.Bcast(head, 0, head.length, MPI.BYTE, 0);
        byte[][] entries = new byte[comm.Size()][];
        entries[0] = Arrays.copyOfRange(head, TOKEN, TOKEN + ENTRY);
        entries[rank] = mine;
        List<Integer> missing = new ArrayList<>();
        if (rank == 0) {
            gather(comm, entries);
            for (int r = 0; r < entries.length; r++) {
                if (entries[r] == null) {
                    missing.add(r);
                }
            }
        } else {
            comm.Send(mine, 0, ENTRY, MPI.BYTE, 0, ENTRY_TAG.code());
        }
        String[] names = new String[entries.length];
        InetSocketAddress[] addresses = new InetSocketAddress[entries.length];
        for (int r = 0; r < entries.length; r++) {
            names[r] = "rank " + r + (r == rank || r == 0 || rank == 0 ? "" : " (unknown here)");
            if (entries[r] != null) {
                DataInputStream in = new DataInputStream(new ByteArrayInputStream(entries[r]));
                names[r] = "rank " + r + " on " + in.readUTF();
                addresses[r] = new InetSocketAddress(in.readUTF(), in.readInt());
            }
        }
        return new LifelineTable(names, addresses, Arrays.copyOf(head, TOKEN), missing);
    }

    /** Rank 0: every other rank's entry; null stays for those not heard within {@link #REPORT_MS}. */
    private static void gather(Intracomm comm, byte[][] entries) {
        long deadline = System.nanoTime() + REPORT_MS * 1_000_000L;
        Backoff backoff = new Backoff(20_000, 5_000_000);
        int missing = entries.length - 1;
        while (missing > 0 && System.nanoTime() < deadline) {
            mpi.Status s = Probes.iprobe(comm, MPI.ANY_SOURCE, ENTRY_TAG.code());
            if (s == null) {
                backoff.idle();
                continue;
            }
            byte[] got = new byte[ENTRY];
            comm.Recv(got, 0, ENTRY, MPI.BYTE, s.source, ENTRY_TAG.code());
            entries[s.source] = got;
            missing--;
        }
    }

    private static byte[] entry(int port) throws IOException {
        InetAddress me = InetAddress.getLocalHost(); // as MPJ's own ranks reach each other
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ENTRY);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF(clip(me.getHostName()));
        out.writeUTF(me.getHostAddress());
        out.writeInt(port);
        return Arrays.copyOf(bytes.toByteArray(), ENTRY);
    }

    /** Short enough for one line of a message. */
    static String clip(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
