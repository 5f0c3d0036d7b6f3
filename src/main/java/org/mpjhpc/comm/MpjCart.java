package org.mpjhpc.comm;

import mpi.Cartcomm;
import mpi.MPI;
import mpi.ShiftParms;

/** {@link Cart} over an MPJ Express Cartesian communicator. */
final class MpjCart extends MpjComm implements Cart {
    private final Cartcomm cart;

    MpjCart(Cartcomm cart) {
        super(cart);
        this.cart = cart;
    }

    @Override
    public int[] coords() {
        return cart.Coords(rank());
    }

    @Override
    public int[] shift(int dim) {
        ShiftParms s = cart.Shift(dim, 1);
        return new int[] {rank(s.rank_source), rank(s.rank_dest)};
    }

    private static int rank(int r) {
        return r < 0 || r == MPI.PROC_NULL ? NONE : r;
    }
}
