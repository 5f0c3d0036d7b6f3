package org.mpjhpc.fv;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.comm.Comm;

/**
 * Fills a block's ghost layers, written once for all four sides: from the neighbouring
 * block (neighbours come from the Cartesian communicator), from the block itself when it
 * is its own periodic neighbour, or from the physical boundary condition. Blocking mode
 * uses Sendrecv side by side; nonblocking mode posts every receive first, then the sends,
 * and {@link #finish} waits, so the caller can update the interior in between.
 *
 * <p>A message sent toward side S fills the receiver's ghosts on the opposite side; its
 * tag names that receiving side ({@link FvTag#ghosts}), so two messages between the same pair of ranks (a periodic
 * direction with two blocks) cannot be confused.
 */
final class HaloExchange {
    /** Neighbour codes besides a rank: the block itself, or no block (a physical side). */
    static final int SELF = -2;
    static final int NONE = -1;
    private static final Boundary.Side[] SIDES = Boundary.Side.values();

    private final int[] neighbour;
    private final Boundary[] physical;
    private final Comm link;
    private final FvConfig.Halo mode;
    private final double[][] out = new double[4][];
    private final double[][] in = new double[4][];
    private final List<Comm.Pending> pending = new ArrayList<>();

    /**
     * @param neighbour per side: a compute rank, {@link #SELF} or {@link #NONE}
     * @param physical  per side: the boundary condition used where the neighbour is NONE
     * @param link      the compute ranks' Cartesian communicator (unused when no neighbour is remote)
     * @param mode      how the strips travel: Sendrecv side by side, or every receive posted first
     */
    HaloExchange(Field shape, int[] neighbour, Boundary[] physical, Comm link, FvConfig.Halo mode) {
        this.neighbour = neighbour;
        this.physical = physical;
        this.link = link;
        this.mode = mode;
        for (Boundary.Side s : SIDES) {
            int length = (s == Boundary.Side.LEFT || s == Boundary.Side.RIGHT ? shape.ny : shape.nx);
            out[s.ordinal()] = new double[Field.VARS * shape.ng * length];
            in[s.ordinal()] = new double[Field.VARS * shape.ng * length];
        }
    }

    private static Boundary.Side opposite(Boundary.Side s) {
        return SIDES[s.ordinal() ^ 1];
    }

    private boolean remote(Boundary.Side s) {
        return neighbour[s.ordinal()] >= 0;
    }

    /** Starts the exchange (in blocking mode, does all of it). */
    void begin(Field u) {
        if (mode == FvConfig.Halo.BLOCKING) {
            for (Boundary.Side s : SIDES) {
                exchangeBlocking(u, s);
            }
            return;
        }
        for (Boundary.Side s : SIDES) {
            if (remote(s)) {
                double[] strip = in[s.ordinal()];
                pending.add(link.irecv(strip, strip.length, neighbour[s.ordinal()], FvTag.ghosts(s)));
            }
        }
        for (Boundary.Side s : SIDES) {
            if (remote(s)) {
                pack(u, s, out[s.ordinal()]);
                double[] strip = out[s.ordinal()];
                pending.add(link.isend(strip, strip.length, neighbour[s.ordinal()], FvTag.ghosts(opposite(s))));
            }
        }
    }

    /** Sends toward side s and receives the ghosts of the opposite side. */
    private void exchangeBlocking(Field u, Boundary.Side s) {
        Boundary.Side o = opposite(s);
        boolean send = remote(s);
        boolean receive = remote(o);
        if (send) {
            pack(u, s, out[s.ordinal()]);
        }
        if (send && receive) {
            link.sendReceive(out[s.ordinal()], neighbour[s.ordinal()], in[o.ordinal()], neighbour[o.ordinal()], FvTag.ghosts(o));
        } else if (send) {
            link.send(out[s.ordinal()], out[s.ordinal()].length, neighbour[s.ordinal()], FvTag.ghosts(o));
        } else if (receive) {
            link.recv(in[o.ordinal()], in[o.ordinal()].length, neighbour[o.ordinal()], FvTag.ghosts(o));
        }
    }

    /** Completes the exchange: received strips, self copies, then physical sides. */
    void finish(Field u) {
        Comm.awaitAll(pending);
        pending.clear();
        for (Boundary.Side s : SIDES) {
            int n = neighbour[s.ordinal()];
            if (n >= 0) {
                unpack(u, s, in[s.ordinal()]);
            } else if (n == SELF) {
                pack(u, opposite(s), in[s.ordinal()]);
                unpack(u, s, in[s.ordinal()]);
            }
        }
        for (Boundary.Side s : SIDES) {
            if (neighbour[s.ordinal()] == NONE) {
                physical[s.ordinal()].apply(u, s);
            }
        }
    }

    /** The ng layers just inside side s, variable by variable. */
    static void pack(Field u, Boundary.Side s, double[] buffer) {
        int length = s == Boundary.Side.LEFT || s == Boundary.Side.RIGHT ? u.ny : u.nx;
        int k = 0;
        for (int v = 0; v < Field.VARS; v++) {
            double[] q = u.q[v];
            for (int layer = 0; layer < u.ng; layer++) {
                for (int along = 0; along < length; along++) {
                    buffer[k++] = q[Boundary.cell(u, s, along, layer)];
                }
            }
        }
    }

    /** Into the ng ghost layers outside side s, in the order {@link #pack} wrote them. */
    static void unpack(Field u, Boundary.Side s, double[] buffer) {
        int length = s == Boundary.Side.LEFT || s == Boundary.Side.RIGHT ? u.ny : u.nx;
        int k = 0;
        for (int v = 0; v < Field.VARS; v++) {
            double[] q = u.q[v];
            for (int layer = 0; layer < u.ng; layer++) {
                for (int along = 0; along < length; along++) {
                    q[Boundary.cell(u, s, along, -1 - layer)] = buffer[k++];
                }
            }
        }
    }
}
